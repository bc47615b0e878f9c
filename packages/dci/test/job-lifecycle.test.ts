import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

const junit =
  '<testsuite name="t"><testcase name="ok"/><testcase name="ko"><failure/></testcase></testsuite>';

describe('job lifecycle', () => {
  it('walks new → pre-run → running → post-run → success and uploads JUnit', async () => {
    const run = await f.remoteci.startJob({
      components: [f.emulator.seed.component],
      topic_id: f.emulator.seed.topic,
      name: 'lifecycle',
    });
    expect(run.status).toBe('new');
    await run.advance('pre-run');
    await run.advance('running', 'deploying');
    await run.uploadJunit({ bytes: junit }, 'tests.xml');
    await run.advance('post-run');
    await run.finish('success');
    const job = await f.remoteci.jobs.get(run.job.id);
    expect(job.status).toBe('success');
    const states = await f.remoteci.jobs.jobstates(run.job.id).toArray();
    expect(states.map((s) => s.status)).toEqual(['pre-run', 'running', 'post-run', 'success']);
    expect(states[1]?.comment).toBe('deploying');
    expect((await f.remoteci.jobs.results(run.job.id))[0]).toMatchObject({ total: 2, failures: 1 });
  });

  it('holds the job as the server now has it after each status, with the ETag an update needs', async () => {
    const run = await f.remoteci.startJob({ components: [], topic_id: f.emulator.seed.topic, name: 'fresh' });
    const created = run.job;
    await run.advance('running');
    expect(run.job.status).toBe('running');
    expect(run.job.etag).not.toBe(created.etag);
    const updated = await f.remoteci.jobs.update(run.job, { comment: 'still fresh' });
    expect(updated.comment).toBe('still fresh');
    await run.finish('success');
    expect(run.job).toMatchObject({ status: 'success', etag: (await f.remoteci.jobs.get(created.id)).etag });
  });

  it('refuses to go backwards or past a final status, without a request', async () => {
    const run = await f.remoteci.startJob({ components: [], topic_id: f.emulator.seed.topic });
    await run.advance('running');
    const before = f.requests.length;
    await expect(run.advance('pre-run')).rejects.toThrow(/cannot go back to "pre-run"/);
    await run.finish('failure', 'tests failed');
    await expect(run.finish('success')).rejects.toThrow(/already finished with "failure"/);
    // The finish: its jobstate and one read of the job as it now is.
    expect(f.requests.length).toBe(before + 2);
  });

  it('runJob posts error with the message when the work throws', async () => {
    let jobId = '';
    await expect(
      f.remoteci.runJob({ components: [], topic_id: f.emulator.seed.topic }, async (run) => {
        jobId = run.job.id;
        throw new Error('deployment exploded');
      }),
    ).rejects.toThrow('deployment exploded');
    const states = await f.remoteci.jobs.jobstates(jobId).toArray();
    expect(states.map((s) => [s.status, s.comment])).toEqual([
      ['pre-run', null],
      ['running', null],
      ['error', 'deployment exploded'],
    ]);
  });

  it('runJob finishes with the outcome the work returns', async () => {
    const run = await f.remoteci.runJob(
      { components: [], topic_id: f.emulator.seed.topic },
      async () => 'failure',
    );
    expect((await f.remoteci.jobs.get(run.job.id)).status).toBe('failure');
    expect((await f.remoteci.jobs.jobstates(run.job.id).toArray()).map((s) => s.status)).toEqual([
      'pre-run',
      'running',
      'post-run',
      'failure',
    ]);
  });
});
