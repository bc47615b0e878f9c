import { BadRequestError, ConflictError, isApiError, NotFoundError, ValidationError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import type { ImsClient } from '../src/index.js';
import { clientFor, PUBLIC_KEY, startEmulator } from './emulator-fixture.js';

let ims: ImsEmulator;
let client: ImsClient;

beforeAll(async () => {
  ims = await startEmulator();
  client = clientFor(ims);
});
beforeEach(() => ims.reset());
afterAll(() => ims.close());

describe('images', () => {
  it('creates, lists, gets, updates arch and metadata, and deletes on the unversioned paths', async () => {
    const image = await client.images.create({ name: 'compute', arch: 'aarch64', metadata: { team: 'hpc' } });
    expect(image).toMatchObject({ name: 'compute', arch: 'aarch64', link: null, metadata: { team: 'hpc' } });
    expect(await client.images.list().toArray()).toEqual([image]);
    expect(await client.images.get(image.id)).toEqual(image);

    await client.images.update(image.id, { arch: 'x86_64' });
    await client.images.setMetadata(image.id, 'stage', 'test');
    const removed = await client.images.removeMetadata(image.id, 'team');
    expect(removed).toMatchObject({ arch: 'x86_64', metadata: { stage: 'test' } });
    await client.images.removeMetadata(image.id, 'absent');

    await client.images.delete(image.id, { cascade: false });
    await expect(client.images.get(image.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('defaults arch to x86_64 and metadata to {}', async () => {
    expect(await client.images.create({ name: 'plain' })).toMatchObject({ arch: 'x86_64', metadata: {} });
  });

  it('reads the problem+json of a 404 into a NotFoundError with the server detail', async () => {
    const error = await client.images.get('5f4a7d5e-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toContain('Requested resource does not exist');
    expect((error as NotFoundError).details).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('reads a 422 field map into the error message and details', async () => {
    // Bypass local validation with a raw call to see the server's answer through the transport.
    const error = await client.transport
      .send({ method: 'POST', path: '/images', body: { json: { name: 'x', size: 1 } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect(isApiError(error) && error.status).toBe(422);
    expect((error as Error).message).toContain('size: Unknown field.');
    expect((error as BadRequestError).details).toMatchObject({ errors: { size: ['Unknown field.'] } });
  });

  it('refuses bad input before any request: an unknown field, a bad arch, an id with a slash', async () => {
    const before = ims.tokensIssued;
    await expect(client.images.create({ name: 'x', size: 1 } as never)).rejects.toBeInstanceOf(
      ValidationError,
    );
    await expect(client.images.create({ name: 'x', arch: 'ppc64' as never })).rejects.toThrow(/arch must be/);
    await expect(client.images.get('../jobs')).rejects.toThrow(/single path segment/);
    expect(ims.tokensIssued).toBe(before);
  });

  it('tolerates a trailing slash in the IMS URL', async () => {
    const slashed = clientFor(ims, { url: `${ims.imsUrl}/` });
    await slashed.images.create({ name: 'slash' });
    expect(await slashed.images.list().toArray()).toHaveLength(1);
  });

  it('soft-deletes on v3: the record moves to deleted images, undelete restores it, purge removes it', async () => {
    const image = await client.v3.images.create({ name: 'soft' });
    await client.v3.images.delete(image.id);
    await expect(client.images.get(image.id)).rejects.toBeInstanceOf(NotFoundError);
    const deleted = await client.v3.deletedImages.get(image.id);
    expect(deleted).toMatchObject({ id: image.id, name: 'soft' });
    expect(typeof deleted.deleted).toBe('string');
    expect(await client.v3.deletedImages.list().toArray()).toHaveLength(1);

    await client.v3.deletedImages.undelete(image.id);
    expect(await client.images.get(image.id)).toEqual(image);
    await client.v3.images.delete(image.id);
    await client.v3.deletedImages.purge(image.id);
    await expect(client.v3.deletedImages.get(image.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(client.images.get(image.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('recipes', () => {
  it('sends template_dictionary in the server list form whether given as a list or a map', async () => {
    const recipe = await client.recipes.create({
      name: 'cos',
      recipe_type: 'kiwi-ng',
      linux_distribution: 'sles15',
      template_dictionary: { CSM_RELEASE_VERSION: '1.6' },
      require_dkms: false,
    });
    expect(recipe).toMatchObject({
      template_dictionary: [{ key: 'CSM_RELEASE_VERSION', value: '1.6' }],
      require_dkms: false,
      arch: 'x86_64',
      link: null,
    });
    const updated = await client.recipes.update(recipe.id, { template_dictionary: { A: '1', B: '2' } });
    expect(updated.template_dictionary).toEqual([
      { key: 'A', value: '1' },
      { key: 'B', value: '2' },
    ]);
    await client.v3.recipes.delete(recipe.id);
    expect((await client.v3.deletedRecipes.list().toArray()).map((r) => r.id)).toEqual([recipe.id]);
    await client.v3.deletedRecipes.undelete(recipe.id);
    await client.recipes.delete(recipe.id);
    expect(await client.recipes.list().toArray()).toEqual([]);
  });

  it('defaults require_dkms to true on the server', async () => {
    const recipe = await client.recipes.create({
      name: 'r',
      recipe_type: 'packer',
      linux_distribution: 'centos7',
    });
    expect(recipe.require_dkms).toBe(true);
  });
});

describe('public keys', () => {
  it('creates, lists, gets, soft-deletes on v3 and undeletes', async () => {
    const key = await client.publicKeys.create({ name: 'admin', public_key: PUBLIC_KEY });
    expect(await client.publicKeys.get(key.id)).toEqual(key);
    await client.v3.publicKeys.delete(key.id);
    expect(await client.publicKeys.list().toArray()).toEqual([]);
    await client.v3.deletedPublicKeys.undelete(key.id);
    expect(await client.publicKeys.list().toArray()).toEqual([key]);
    await client.publicKeys.delete(key.id);
    expect(await client.v3.deletedPublicKeys.list().toArray()).toEqual([]);
  });
});

describe('remote build nodes and service info', () => {
  it('registers, lists, probes and removes a node on /v3', async () => {
    await client.v3.remoteBuildNodes.create('x3000c0s19b4n0');
    await client.v3.remoteBuildNodes.create('x3000c0s19b4n0');
    expect(await client.v3.remoteBuildNodes.list().toArray()).toEqual([{ xname: 'x3000c0s19b4n0' }]);
    expect(await client.v3.remoteBuildNodes.status('x3000c0s19b4n0')).toMatchObject({
      xname: 'x3000c0s19b4n0',
      ableToRunJobs: true,
    });
    expect(await client.v3.remoteBuildNodes.statuses()).toHaveLength(1);
    await client.v3.remoteBuildNodes.delete('x3000c0s19b4n0');
    await expect(client.v3.remoteBuildNodes.get('x3000c0s19b4n0')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the version and the health probes', async () => {
    expect(await client.service.version()).toBe('3.33.0');
    expect(await client.service.ready()).toBe(true);
    expect(await client.service.live()).toBe(true);
  });
});

describe('write-once links without S3', () => {
  it('refuses a link to a manifest S3 does not have (422), and a conflicting second link (409) is never reached', async () => {
    const image = await client.images.create({ name: 'unlinked' });
    const error = await client.images
      .setLink(image.id, { path: 's3://boot-images/nope/manifest.json', type: 's3', etag: 'x' })
      .catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(422);
    expect((await client.images.get(image.id)).link).toBeNull();
    expect(error).not.toBeInstanceOf(ConflictError);
  });
});
