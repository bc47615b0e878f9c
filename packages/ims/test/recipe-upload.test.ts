import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import type { ImsClient } from '../src/index.js';
import { clientFor, rgw, startEmulator } from './emulator-fixture.js';
import { createTestBucket, type TestBucket } from './rgw-bucket.js';

describe.skipIf(!rgw)('uploadRecipe against the emulator and a real RGW', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ims-recipe-'));
  const archive = join(dir, 'recipe.tar.gz');
  writeFileSync(archive, 'not really a tarball, but bytes all the same');
  let ims: ImsEmulator;
  let bucket: TestBucket;
  let client: ImsClient;

  beforeAll(async () => {
    const lab = rgw as NonNullable<typeof rgw>;
    ims = await startEmulator();
    bucket = await createTestBucket(lab, 'ims-recipes');
    client = clientFor(ims, {
      s3: { endpoint: lab.endpoint, accessKeyId: lab.accessKeyId, secretAccessKey: lab.secretAccessKey },
      recipeBucket: bucket.name,
    });
  });
  beforeEach(() => ims.reset());
  afterAll(async () => {
    await ims.close();
    await bucket.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates, uploads and links with require_dkms false and a list-form dictionary; a second call reuses it', async () => {
    const recipe = await client.uploadRecipe({
      name: 'cos-base',
      path: archive,
      linuxDistribution: 'sles15',
      templateDictionary: { CSM_RELEASE: '1.6' },
      requireDkms: false,
    });
    expect(recipe).toMatchObject({
      require_dkms: false,
      template_dictionary: [{ key: 'CSM_RELEASE', value: '1.6' }],
      link: { path: `s3://${bucket.name}/recipes/${recipe.id}/recipe.tar.gz`, type: 's3' },
    });
    expect(String(await bucket.get(`recipes/${recipe.id}/recipe.tar.gz`))).toContain('not really a tarball');
    const again = await client.uploadRecipe({
      name: 'cos-base',
      path: archive,
      linuxDistribution: 'sles15',
      templateDictionary: [{ key: 'CSM_RELEASE', value: '1.6' }],
    });
    expect(again.id).toBe(recipe.id);
    expect(await client.recipes.list().toArray()).toHaveLength(1);
  });

  it('treats a missing dictionary as {} (matching a record with []), and reuses an unlinked same-name record', async () => {
    const empty = await client.recipes.create({
      name: 'plain',
      recipe_type: 'kiwi-ng',
      linux_distribution: 'sles15',
    });
    const linked = await client.uploadRecipe({ name: 'plain', path: archive, linuxDistribution: 'sles15' });
    expect(linked.id).toBe(empty.id);
    const again = await client.uploadRecipe({ name: 'plain', path: archive, linuxDistribution: 'sles15' });
    expect(again.id).toBe(empty.id);
  });
});
