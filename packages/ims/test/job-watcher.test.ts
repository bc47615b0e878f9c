import { NotFoundError, WaitFailureError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import type { ImsClient } from '../src/index.js';
import { clientFor, PUBLIC_KEY, startEmulator } from './emulator-fixture.js';

let ims: ImsEmulator;
let client: ImsClient;
/** GETs of the job list and of single jobs, counted in the client's `fetch` (retries included). */
const calls = { list: 0, get: 0 };

beforeAll(async () => {
  ims = await startEmulator();
  client = clientFor(ims, {
    fetch: (input, init) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname;
      if ((init?.method ?? 'GET') === 'GET') {
        // The v2 jobs, under whatever prefix the service URL has (`/apis/ims` on a real system).
        if (path.endsWith('/jobs')) calls.list += 1;
        else if (/\/jobs\/[^/]+$/.test(path)) calls.get += 1;
      }
      return fetch(input, init);
    },
  });
});
afterAll(() => ims.close());

async function createJobs(count: number) {
  const key = await client.publicKeys.create({ name: 'k', public_key: PUBLIC_KEY });
  const image = await client.images.create({ name: 'base', arch: 'aarch64' });
  const stored = ims.state.images.get(image.id);
  if (stored) stored.link = { path: `s3://boot-images/${image.id}/manifest.json`, type: 's3', etag: 'e' };
  const jobs = [];
  for (let i = 0; i < count; i++) {
    jobs.push(
      await client.jobs.create({
        job_type: 'customize',
        artifact_id: image.id,
        public_key_id: key.id,
        image_root_archive_name: `x${i}`,
      }),
    );
  }
  return jobs;
}

/** Sets a job's status in the emulator's model, at once (no request the counters would see). */
function setStatus(id: string, status: string): void {
  const job = ims.state.jobs.get(id) as { status: string } | undefined;
  if (!job) throw new Error(`no job ${id} in the emulator`);
  job.status = status;
}

describe('waitForJob through the shared job watcher', () => {
  it('serves concurrent waits with one job list per tick, failing only the job that errs', async () => {
    ims.reset();
    const jobs = await createJobs(5);
    calls.list = 0;
    calls.get = 0;
    const outcomes = await Promise.allSettled(
      jobs.map((job, i) =>
        client.waitForJob(job.id, {
          onProgress: ({ attempt }) => {
            if (i !== 0 || attempt !== 1) return;
            // After the first tick: four jobs succeed and one fails.
            for (const [j, other] of jobs.entries()) setStatus(other.id, j === 2 ? 'error' : 'success');
          },
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    const failure = (outcomes[2] as PromiseRejectedResult).reason;
    expect(failure).toBeInstanceOf(WaitFailureError);
    expect(failure.message).toContain(`IMS job ${jobs[2]?.id} ended in status error`);
    expect(calls).toEqual({ list: 2, get: 0 });
  });

  it('reads a lone job with one get per tick, and a job deleted meanwhile is not found', async () => {
    ims.reset();
    const [job] = await createJobs(1);
    const id = job?.id as string;
    calls.list = 0;
    calls.get = 0;
    const error = await client
      .waitForJob(id, {
        onProgress: () => {
          ims.state.jobs.delete(id);
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(calls).toEqual({ list: 0, get: 2 });
  });
});
