import { AmbiguousOutcomeError, isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DciClient } from '../src/index.js';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
let dci: DciClient;

beforeAll(async () => {
  f = await startFixture();
  const { seed } = f.emulator;
  dci = f.client({
    auth: { type: 'signature', clientId: seed.remoteci.clientId, apiSecret: seed.remoteci.apiSecret },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  });
});
afterAll(() => f.emulator.close());
beforeEach(() => f.emulator.faults.clear());

describe('DCI writes whose response was lost', () => {
  it('an update that landed is a success, not "changed by someone else"', async () => {
    const job = await dci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    f.emulator.faults.dropResponseNext(1);
    const updated = await dci.jobs.update(job, { comment: 'landed' });
    expect(updated.comment).toBe('landed');
    expect((await dci.jobs.get(job.id)).comment).toBe('landed');
  });

  it('updateWithRetry appends a tag exactly once when the write response is lost', async () => {
    const job = await dci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    let first = true;
    const updated = await dci.jobs.updateWithRetry(job.id, (current) => {
      if (first) {
        first = false;
        f.emulator.faults.dropResponseNext(1);
      }
      return { tags: [...(current.tags ?? []), 'ok'] };
    });
    expect(updated.tags).toEqual(['ok']);
    expect((await dci.jobs.get(job.id)).tags).toEqual(['ok']);
  });

  it('a delete whose response was lost succeeds', async () => {
    const job = await dci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    f.emulator.faults.dropResponseNext(1);
    await dci.jobs.delete(job);
    const gone = await dci.jobs.get(job.id).then(
      (row) => row.state === 'archived',
      (error: unknown) => isApiError(error) && error.code === 'NOT_FOUND',
    );
    expect(gone).toBe(true);
  });

  it('a create whose response was lost is "may have been created", and the job is not created twice', async () => {
    const before = await dci.jobs.count();
    f.emulator.faults.dropResponseNext(1);
    const error = await dci.jobs
      .create({ components: [], topic_id: f.emulator.seed.topic, name: 'lost-job' } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AmbiguousOutcomeError);
    expect((error as AmbiguousOutcomeError).hint).toContain('job');
    expect(await dci.jobs.count()).toBe(before + 1);
  });
});
