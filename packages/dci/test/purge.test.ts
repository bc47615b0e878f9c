import { isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';

// DCI's purge: `GET /<resource>/purge` lists archived rows, `POST` removes them for good (super admin).
let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

describe('purge', () => {
  it('lists a deleted team as purgeable, then purges it for good', async () => {
    const kept = await f.admin.teams.create({ name: 'Kept' });
    const gone = await f.admin.teams.create({ name: 'Gone' });
    await f.admin.teams.delete(gone);
    const listed = await f.admin.teams.listPurgeable();
    expect(listed.map((team) => team.id)).toEqual([gone.id]);
    expect(listed[0]?.state).toBe('archived');
    await f.admin.teams.purge();
    expect(await f.admin.teams.listPurgeable()).toEqual([]);
    expect((await f.admin.teams.get(kept.id)).name).toBe('Kept');
  });

  it('purges archived job files through files.purge()', async () => {
    const topicId = f.emulator.seed.topic;
    const job = await f.remoteci.jobs.create({ components: [f.emulator.seed.component], topic_id: topicId });
    const file = await f.remoteci.files.upload({ jobId: job.id, name: 'log', source: { bytes: 'x' } });
    await f.remoteci.files.delete(file.id);
    expect((await f.admin.files.listPurgeable()).map((row) => row.id)).toContain(file.id);
    await f.admin.files.purge();
    expect(await f.admin.files.listPurgeable()).toEqual([]);
  });

  it('hides remoteci secrets from the purge listing', async () => {
    const remoteci = await f.admin.remotecis.create({
      name: 'old-lab',
      team_id: f.emulator.seed.teams.partner,
    });
    await f.admin.remotecis.delete(remoteci);
    const [listed] = await f.admin.remotecis.listPurgeable();
    expect(listed?.id).toBe(remoteci.id);
    expect(listed).not.toHaveProperty('api_secret');
  });

  it('refuses a non-admin (401 Operation not authorized.) and purges nothing', async () => {
    const topic = await f.admin.topics.create({ name: 'old-topic', product_id: f.emulator.seed.product });
    await f.admin.topics.delete(topic);
    const error = await f.partner.topics.purge().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isApiError(error) && error.status).toBe(401);
    expect((await f.admin.topics.listPurgeable()).map((row) => row.id)).toEqual([topic.id]);
  });
});
