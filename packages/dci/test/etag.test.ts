import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaleEtagError } from '../src/index.js';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

function rawPut(path: string, headers: Record<string, string>, body: string) {
  const authorization = `Basic ${Buffer.from('admin:admin').toString('base64')}`;
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    httpRequest(
      {
        host: '127.0.0.1',
        port: f.emulator.port,
        path,
        method: 'PUT',
        headers: { authorization, 'content-type': 'application/json', ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
          }),
        );
      },
    )
      .on('error', reject)
      .end(body);
  });
}

describe('ETags and If-Match', () => {
  it('a stale ETag on a job update (server 404) becomes StaleEtagError', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    await f.remoteci.jobs.update(job, { comment: 'first writer' });
    const error = await f.remoteci.jobs.update(job, { comment: 'second writer' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleEtagError);
    expect(error).toMatchObject({ code: 'PRECONDITION_FAILED', status: 404, sentEtag: job.etag });
    expect((await f.remoteci.jobs.get(job.id)).comment).toBe('first writer');
  });

  it('a stale ETag on a job delete is refused and the job survives', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    await f.remoteci.jobstates.create({ job_id: job.id, status: 'running' });
    await expect(f.remoteci.jobs.delete(job)).rejects.toBeInstanceOf(StaleEtagError);
    expect((await f.remoteci.jobs.get(job.id)).status).toBe('running');
  });

  it('a stale ETag on teams (server 409) becomes StaleEtagError too, on update and delete', async () => {
    const team = await f.admin.teams.create({ name: 'etag-team' });
    await f.admin.teams.update(team, { country: 'FR' });
    await expect(f.admin.teams.update(team, { country: 'DE' })).rejects.toMatchObject({
      status: 409,
      code: 'PRECONDITION_FAILED',
    });
    await expect(f.admin.teams.delete(team)).rejects.toBeInstanceOf(StaleEtagError);
  });

  it('a real 404 stays a NotFound', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    await f.remoteci.jobs.delete(job);
    await expect(f.remoteci.jobs.update(job, { comment: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('without a known ETag the SDK reads it first, and always sends If-Match', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    f.requests.length = 0;
    await f.remoteci.jobs.update(job.id, { comment: 'fetched etag' });
    expect(f.requests).toEqual([`GET /api/v1/jobs/${job.id}`, `PUT /api/v1/jobs/${job.id}`]);
  });

  it('updateWithRetry re-reads and re-applies after a concurrent change', async () => {
    const job = await f.remoteci.jobs.create({
      components: [],
      topic_id: f.emulator.seed.topic,
      tags: ['a'],
    });
    let round = 0;
    const result = await f.remoteci.jobs.updateWithRetry(job.id, (current) => {
      round++;
      if (round === 1) {
        // Another writer sneaks in between our read and our write.
        const row = f.emulator.store.tables.jobs.get(job.id);
        if (row) f.emulator.store.touch(Object.assign(row, { tags: ['a', 'other'] }));
      }
      return { tags: [...current.tags, 'mine'] };
    });
    expect(round).toBe(2);
    expect(result.tags).toEqual(['a', 'other', 'mine']);
  });

  it('the emulator answers 412 when If-Match is missing', async () => {
    const answer = await rawPut(`/api/v1/teams/${f.emulator.seed.teams.partner}`, {}, '{"country":"US"}');
    expect(answer).toEqual({
      status: 412,
      body: { status_code: 412, message: "'If-match' header must be provided", payload: {} },
    });
  });
});
