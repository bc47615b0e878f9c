import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';
import { junitXml } from './junit-sample.js';

// dcictl's job-output, job-results and job-list-test, read from the server's job endpoints.
let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

async function jobWithLogs() {
  const dci = f.remoteci;
  const job = await dci.jobs.create({
    components: [f.emulator.seed.component],
    topic_id: f.emulator.seed.topic,
  });
  const preRun = await dci.jobstates.create({ job_id: job.id, status: 'pre-run' });
  await dci.files.upload({
    jobstateId: preRun.id,
    name: 'download.log',
    source: { bytes: 'pulled images\n' },
  });
  await dci.files.upload({ jobId: job.id, name: 'job-level.txt', source: { bytes: 'not a jobstate file' } });
  const running = await dci.jobstates.create({ job_id: job.id, status: 'running' });
  await dci.files.upload({ jobstateId: running.id, name: 'deploy.log', source: { bytes: 'deployed\n' } });
  await dci.files.upload({ jobstateId: running.id, name: 'tests.log', source: { bytes: 'tested\n' } });
  await dci.files.upload({
    jobId: job.id,
    name: 'junit.xml',
    mime: 'application/junit',
    source: { bytes: junitXml },
  });
  return job;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('jobs.output', () => {
  it("yields the jobstates' files in order, each with its content", async () => {
    const job = await jobWithLogs();
    const parts: string[] = [];
    for await (const part of f.remoteci.jobs.output(job.id)) {
      const { body } = await part.content();
      parts.push(`${part.jobstate.status} ${part.file.name}: ${await text(body)}`);
    }
    expect(parts).toEqual([
      'pre-run download.log: pulled images\n',
      'running deploy.log: deployed\n',
      'running tests.log: tested\n',
    ]);
  });

  it('opens one file at a time, so a break stops before reading the rest', async () => {
    const job = await jobWithLogs();
    f.requests.length = 0;
    for await (const part of f.remoteci.jobs.output(job.id)) {
      await (await part.content()).body.cancel();
      break;
    }
    expect(f.requests.filter((request) => request.includes('/content'))).toHaveLength(1);
  });
});

describe('jobs.results and jobs.tests', () => {
  it('reads the per-file counts of the JUnit uploads', async () => {
    const job = await jobWithLogs();
    const [result] = await f.remoteci.jobs.results(job.id);
    expect(result).toMatchObject({ filename: 'junit.xml', total: 3, success: 1, failures: 1, skips: 1 });
  });

  it('lists every test case of the JUnit uploads with its outcome', async () => {
    const job = await jobWithLogs();
    const tests = await f.remoteci.jobs.tests(job.id);
    expect(
      tests.map(({ testsuite, classname, name, action }) => ({ testsuite, classname, name, action })),
    ).toEqual([
      { testsuite: 'smoke', classname: 'boot', name: 'kernel', action: 'success' },
      { testsuite: 'smoke', classname: 'boot', name: 'network', action: 'failure' },
      { testsuite: 'smoke', classname: 'boot', name: 'gpu', action: 'skipped' },
    ]);
    expect(tests[1]).toMatchObject({
      message: 'no route',
      type: 'AssertionError',
      time: 0.5,
      filename: 'junit.xml',
    });
  });

  it('keeps the text of CDATA sections and entities in a failure', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    const xml =
      '<testsuite name="s"><testcase name="t"><error message="a &lt; b" type="E"><![CDATA[x < y & z]]></error></testcase></testsuite>';
    await f.remoteci.files.upload({
      jobId: job.id,
      name: 'j.xml',
      mime: 'application/junit',
      source: { bytes: xml },
    });
    const [test] = await f.remoteci.jobs.tests(job.id);
    expect(test).toMatchObject({
      name: 't',
      action: 'error',
      message: 'a < b',
      type: 'E',
      value: 'x < y & z',
    });
  });
});
