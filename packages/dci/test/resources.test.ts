import { isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

async function rejection(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!isApiError(error)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('resources against the emulator', () => {
  it('products: admin creates, updates, links a team, deletes; partner sees only linked ones', async () => {
    const product = await f.admin.products.create({ name: 'OpenShift', description: 'OCP' });
    expect(product).toMatchObject({ name: 'OpenShift', label: 'OPENSHIFT', state: 'active' });
    const updated = await f.admin.products.update(product, { description: 'OpenShift Container Platform' });
    expect(updated.etag).not.toBe(product.etag);
    expect(await f.partner.products.list().toArray()).toHaveLength(1);
    await f.admin.products.attachTeam(product.id, f.emulator.seed.teams.partner);
    expect((await f.admin.products.teams(product.id)).map((t) => t.name)).toEqual(['Partner Lab']);
    expect((await f.partner.products.list().toArray()).map((p) => p.name).sort()).toEqual([
      'OpenShift',
      'RHEL',
    ]);
    await f.admin.products.detachTeam(product.id, f.emulator.seed.teams.partner);
    await f.admin.products.delete(product.id);
    expect((await rejection(f.admin.products.get(product.id))).status).toBe(404);
  });

  it('products: a partner user may not create one (401 Operation not authorized.)', async () => {
    const error = await rejection(f.partner.products.create({ name: 'Nope' }));
    expect(error.status).toBe(401);
    expect(error.message).toContain('Operation not authorized.');
  });

  it('topics and their components', async () => {
    const topic = await f.admin.topics.create({
      name: 'RHEL-9.5',
      product_id: f.emulator.seed.product,
      component_types: ['Compose'],
      export_control: true,
    });
    expect(topic.component_types).toEqual(['compose']);
    const component = await f.admin.components.create({
      name: 'RHEL-9.5.0-1',
      type: 'compose',
      topic_id: topic.id,
      version: '9.5.0',
    });
    const listed = await f.partner.topics.components(topic.id).toArray();
    expect(listed.map((c) => c.id)).toEqual([component.id]);
    const renamed = await f.admin.topics.update(topic.id, { name: 'RHEL-9.5-GA' });
    expect(renamed.name).toBe('RHEL-9.5-GA');
    await f.admin.topics.delete(renamed);
    expect((await rejection(f.admin.components.get(component.id))).status).toBe(404);
  });

  it('components: tags via updateWithRetry, files upload/download/delete', async () => {
    const component = await f.admin.components.create({
      name: 'tagged',
      type: 'compose',
      topic_id: f.emulator.seed.topic,
    });
    const tagged = await f.admin.components.updateWithRetry(component.id, (c) => ({
      tags: [...c.tags, 'build:ga'],
    }));
    expect(tagged.tags).toEqual(['build:ga']);
    const file = await f.admin.components.uploadFile(
      component.id,
      { bytes: 'component bytes' },
      { mime: 'text/plain' },
    );
    expect(file.size).toBe(15);
    expect((await f.admin.components.files(component.id)).map((x) => x.id)).toEqual([file.id]);
    expect(await f.admin.components.getFile(component.id, file.id)).toMatchObject({ id: file.id, size: 15 });
    await f.admin.components.deleteFile(component.id, file.id);
    expect((await rejection(f.admin.components.getFile(component.id, file.id))).status).toBe(404);
    expect(await f.admin.components.files(component.id)).toEqual([]);
    await f.admin.components.delete(component.id);
  });

  it('jobs: only a remoteci creates one; tags, jobstates, files and results', async () => {
    const refused = await rejection(
      f.partner.jobs.create({ components: [f.emulator.seed.component], topic_id: f.emulator.seed.topic }),
    );
    expect(refused.status).toBe(400);
    expect(refused.message).toContain('Only remoteci can create job');

    const job = await f.remoteci.jobs.create({
      components: [f.emulator.seed.component],
      topic_id: f.emulator.seed.topic,
      name: 'ci',
    });
    expect(job).toMatchObject({
      status: 'new',
      remoteci_id: f.emulator.seed.remoteci.id,
      team_id: f.emulator.seed.teams.partner,
    });
    expect(job.user_agent).toContain('nimbus-dci/');

    const withTag = await f.remoteci.jobs.addTag(job.id, 'debug');
    expect(withTag.tags).toEqual(['debug']);
    const again = await f.remoteci.jobs.addTag(job.id, 'debug');
    expect(again.etag).toBe(withTag.etag);
    expect((await f.remoteci.jobs.removeTag(job.id, 'debug')).tags).toEqual([]);

    await f.remoteci.jobstates.create({ job_id: job.id, status: 'pre-run' });
    const failed = await f.remoteci.jobstates.create({ job_id: job.id, status: 'failure', comment: 'early' });
    expect(failed.status).toBe('error');
    expect((await f.remoteci.jobs.get(job.id)).status).toBe('failure');
    expect((await f.remoteci.jobstates.get(failed.id)).comment).toBe('early');
    expect((await f.remoteci.jobs.jobstates(job.id).toArray()).map((s) => s.status)).toEqual([
      'pre-run',
      'error',
    ]);

    const byUpdate = await f.remoteci.jobs.update(job.id, { status: 'killed' });
    expect(byUpdate.status).toBe('killed');
    expect(await f.remoteci.jobs.jobstates(job.id).toArray()).toHaveLength(3);
    await f.remoteci.jobstates.delete(failed.id);
    expect(await f.remoteci.jobs.jobstates(job.id).toArray()).toHaveLength(2);

    await f.remoteci.jobs.delete(job.id);
    expect((await rejection(f.remoteci.jobs.get(job.id))).code).toBe('NOT_FOUND');
  });

  it('remotecis and feeders: create shows the secret, reset replaces it', async () => {
    const remoteci = await f.partner.remotecis.create({
      name: 'rack-2',
      team_id: f.emulator.seed.teams.partner,
    });
    expect(remoteci.api_secret).toMatch(/^[A-Za-z0-9]{64}$/);
    const fresh = await f.partner.remotecis.get(remoteci.id);
    const reset = await f.partner.remotecis.resetApiSecret(fresh);
    expect(reset.api_secret).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(reset.api_secret).not.toBe(remoteci.api_secret);
    expect((await f.partner.remotecis.update(reset.id, { name: 'rack-2b' })).name).toBe('rack-2b');
    await f.partner.remotecis.delete(remoteci.id);

    const feeder = await f.admin.feeders.create({ name: 'feeder-2', team_id: f.emulator.seed.teams.partner });
    expect((await f.admin.feeders.resetApiSecret(feeder.id)).api_secret).not.toBe(feeder.api_secret);
    expect((await f.admin.feeders.list({ where: { name: 'feeder-2' } }).toArray()).map((x) => x.id)).toEqual([
      feeder.id,
    ]);
    await f.admin.feeders.delete(feeder.id);
  });

  it('teams and users: admin CRUD; the new user can log in', async () => {
    const team = await f.admin.teams.create({ name: 'QE', country: 'FR' });
    expect((await f.admin.teams.update(team.id, { country: 'CZ' })).country).toBe('CZ');
    const user = await f.admin.users.create({
      name: 'qe-bot',
      email: 'qe@example.com',
      password: 's3cret-pass',
    });
    expect(user).not.toHaveProperty('password');
    const asUser = f.client({ auth: { type: 'basic', login: 'qe-bot', password: 's3cret-pass' } });
    expect((await asUser.identity()).name).toBe('qe-bot');
    expect((await f.admin.users.update(user.id, { fullname: 'QE Bot' })).fullname).toBe('QE Bot');
    await f.admin.users.delete(user.id);
    await f.admin.teams.delete(team.id);
    const duplicate = await rejection(f.admin.teams.create({ name: 'admin' }));
    expect(duplicate.status).toBe(409);
  });

  it('team membership: a new user joins a team and then sees its jobs', async () => {
    const user = await f.admin.users.create({
      name: 'lab-op',
      email: 'op@example.com',
      password: 'op-password',
    });
    const asUser = f.client({ auth: { type: 'basic', login: 'lab-op', password: 'op-password' } });
    expect(await asUser.jobs.count()).toBe(0);
    await f.admin.teams.addUser(f.emulator.seed.teams.partner, user.id);
    expect((await f.admin.teams.users(f.emulator.seed.teams.partner)).map((u) => u.name)).toContain('lab-op');
    expect((await f.admin.users.teams(user.id)).map((t) => t.name)).toEqual(['Partner Lab']);
    await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    expect(await asUser.jobs.count()).toBeGreaterThan(0);
    const refused = await rejection(f.partner.teams.addUser(f.emulator.seed.teams.partner, user.id));
    expect(refused.status).toBe(401);
    await f.admin.teams.removeUser(f.emulator.seed.teams.partner, user.id);
    expect(await asUser.jobs.count()).toBe(0);
  });

  it('job key/values: set, read back on the job, delete; each bumps the ETag', async () => {
    const job = await f.remoteci.jobs.create({ components: [], topic_id: f.emulator.seed.topic });
    await f.remoteci.jobs.setKeyValue(job.id, 'boot_time', 42.5);
    const withKv = await f.remoteci.jobs.get(job.id);
    expect(withKv.keys_values).toEqual([{ key: 'boot_time', value: 42.5 }]);
    expect(withKv.etag).not.toBe(job.etag);
    await f.remoteci.jobs.deleteKeyValue(job.id, 'boot_time');
    expect((await f.remoteci.jobs.get(job.id)).keys_values).toEqual([]);
    await expect(f.remoteci.jobs.setKeyValue(job.id, 'x', Number.NaN)).rejects.toThrow(/finite number/);
  });

  it('pipelines and their jobs', async () => {
    const pipeline = await f.partner.pipelines.create({
      name: 'nightly',
      team_id: f.emulator.seed.teams.partner,
    });
    const job = await f.remoteci.jobs.create({
      components: [],
      topic_id: f.emulator.seed.topic,
      pipeline_id: pipeline.id,
    });
    expect((await f.partner.pipelines.jobs(pipeline.id).toArray()).map((j) => j.id)).toEqual([job.id]);
    expect((await f.partner.pipelines.update(pipeline.id, { name: 'weekly' })).name).toBe('weekly');
    await f.partner.pipelines.delete(pipeline.id);
  });

  it('identity of a user lists its teams', async () => {
    const identity = await f.partner.identity();
    expect(identity.name).toBe('partner');
    expect(Object.keys(identity.teams)).toEqual([f.emulator.seed.teams.partner]);
  });

  it('rejects bad input with a clear message before any request', async () => {
    const before = f.requests.length;
    await expect(f.remoteci.jobs.get('not-a-uuid')).rejects.toThrow(/job id.*UUID/);
    await expect(f.admin.products.create({ name: '' })).rejects.toThrow(/name: name is required/);
    await expect(
      f.remoteci.jobs.create({ components: ['x'], topic_id: f.emulator.seed.topic } as never),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(f.admin.teams.create({ name: 'x', colour: 'red' } as never)).rejects.toThrow(/colour/);
    await expect(
      f.remoteci.jobstates.create({ job_id: f.emulator.seed.topic, status: 'done' as never }),
    ).rejects.toThrow(/status must be one of/);
    expect(f.requests.length).toBe(before);
  });
});
