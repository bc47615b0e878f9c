import { ValidationError, WaitFailureError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { type ImsClient, JOB_STATUSES } from '../src/index.js';
import { clientFor, PUBLIC_KEY, startEmulator } from './emulator-fixture.js';

let ims: ImsEmulator;
let client: ImsClient;

beforeAll(async () => {
  ims = await startEmulator();
  client = clientFor(ims);
});
beforeEach(() => ims.reset());
afterAll(() => ims.close());

/** A linked image and a key: what a customize job needs. Linked directly in state: no S3 here. */
async function customizeSources() {
  const key = await client.publicKeys.create({ name: 'k', public_key: PUBLIC_KEY });
  const image = await client.images.create({ name: 'base', arch: 'aarch64' });
  const stored = ims.state.images.get(image.id);
  if (stored) stored.link = { path: `s3://boot-images/${image.id}/manifest.json`, type: 's3', etag: 'e' };
  return { key, image };
}

describe('jobs', () => {
  it('creates a customize job with generated Kubernetes names, ssh connection info and server defaults', async () => {
    const { key, image } = await customizeSources();
    const job = await client.jobs.create({
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'base-custom',
    });
    expect(job).toMatchObject({
      status: 'creating',
      arch: 'aarch64',
      kernel_file_name: 'Image',
      initrd_file_name: 'initrd',
      kernel_parameters_file_name: 'kernel-parameters',
      build_env_size: 60,
      job_mem_size: 8,
      enable_debug: false,
      require_dkms: true,
      resultant_image_id: null,
      kubernetes_job: `cray-ims-${job.id}-customize`,
      kubernetes_service: `cray-ims-${job.id}-service`,
      kubernetes_configmap: `cray-ims-${job.id}-configmap`,
      kubernetes_pvc: `cray-ims-${job.id}-job-claim`,
      kubernetes_namespace: 'ims',
      remote_build_node: '',
    });
    expect(job.ssh_containers).toEqual([
      {
        name: 'customize',
        jail: false,
        status: 'pending',
        connection_info: {
          customer_access: { host: `${job.id}.ims.cmn.shasta.local`, port: 22 },
          'cluster.local': { host: `cray-ims-${job.id}-service.ims.svc.cluster.local`, port: 22 },
        },
      },
    ]);
  });

  it('refuses a job whose source image has no link, or whose key does not exist (400)', async () => {
    const key = await client.publicKeys.create({ name: 'k', public_key: PUBLIC_KEY });
    const image = await client.images.create({ name: 'unlinked' });
    const input = {
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'x',
    } as const;
    await expect(client.jobs.create(input)).rejects.toMatchObject({ status: 400 });
    const { image: linked } = await customizeSources();
    await expect(
      client.jobs.create({
        ...input,
        artifact_id: linked.id,
        public_key_id: '5f4a7d5e-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it('sets statuses in any order, and the resultant image', async () => {
    const { key, image } = await customizeSources();
    const job = await client.jobs.create({
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'x',
    });
    for (const status of [
      'success',
      'creating',
      'packaging_artifacts',
      'error',
      'waiting_on_user',
    ] as const) {
      expect((await client.setJobStatus(job.id, status)).status).toBe(status);
    }
    const updated = await client.jobs.update(job.id, { resultant_image_id: image.id });
    expect(updated.resultant_image_id).toBe(image.id);
    await expect(client.setJobStatus(job.id, 'done' as never)).rejects.toBeInstanceOf(ValidationError);
    expect(JOB_STATUSES).toContain('packaging_artifacts');
  });

  it('filters lists by status, job type and age on the server, and deletes', async () => {
    const { key, image } = await customizeSources();
    const input = {
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'x',
    } as const;
    const a = await client.jobs.create(input);
    const b = await client.jobs.create(input);
    await client.setJobStatus(b.id, 'success');
    expect((await client.jobs.list({ status: 'success' }).toArray()).map((j) => j.id)).toEqual([b.id]);
    expect(await client.jobs.list({ status: ['success', 'creating'] }).toArray()).toHaveLength(2);
    expect(await client.jobs.list({ job_type: 'create' }).toArray()).toEqual([]);
    expect(await client.jobs.list({ age: '1d' }).toArray()).toEqual([]);
    await expect(
      client.transport.send({ method: 'GET', path: '/jobs', query: { age: 'soon' } }),
    ).rejects.toMatchObject({ status: 400 });
    await client.v3.jobs.delete(a.id);
    expect((await client.jobs.list().toArray()).map((j) => j.id)).toEqual([b.id]);
  });

  it('waits for success, and fails the wait when the job reaches error', async () => {
    const { key, image } = await customizeSources();
    const input = {
      job_type: 'customize',
      artifact_id: image.id,
      public_key_id: key.id,
      image_root_archive_name: 'x',
    } as const;
    const job = await client.jobs.create(input);
    const waiting = client.waitForJob(job.id, { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 10_000 });
    await client.setJobStatus(job.id, 'building_image');
    await client.setJobStatus(job.id, 'success');
    expect((await waiting).status).toBe('success');

    const failing = await client.jobs.create(input);
    await client.setJobStatus(failing.id, 'error');
    const error = await client
      .waitForJob(failing.id, { minDelayMs: 5, maxDelayMs: 20, timeoutMs: 10_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailureError);
    expect((error as Error).message).toContain('ended in status error');
    expect(
      (await client.waitForJob(failing.id, { until: ['error', 'success'], timeoutMs: 5_000 })).status,
    ).toBe('error');
  });
});
