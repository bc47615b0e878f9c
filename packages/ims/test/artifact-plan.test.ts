import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '@nimbus-sdk/core';
import { afterAll, describe, expect, it } from 'vitest';
import { checkArtifactFiles, planArtifacts } from '../src/artifact-plan.js';
import type { ImageRecord } from '../src/index.js';
import { helperUploadOutput } from '../src/upload-output.js';

const dir = mkdtempSync(join(tmpdir(), 'ims-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

describe('artifact plan', () => {
  it('plans keys, MIME types and metadata in the helper order, the job id only when given', () => {
    const files = {
      initrd: file('initrd', 'iii'),
      rootfs: file('r.sqsh', 'rrrr'),
      kernel: file('vmlinuz', 'k'),
    };
    const sizes = checkArtifactFiles(files);
    const plan = planArtifacts(files, sizes, { id: 'img-1', name: 'cos' }, 'job-1');
    expect(plan.map((p) => [p.key, p.type, p.size])).toEqual([
      ['img-1/rootfs', 'application/vnd.cray.image.rootfs.squashfs', 4],
      ['img-1/kernel', 'application/vnd.cray.image.kernel', 1],
      ['img-1/initrd', 'application/vnd.cray.image.initrd', 3],
    ]);
    expect(plan[0]?.metadata).toEqual({
      'x-shasta-ims-image-name': 'cos',
      'x-shasta-ims-image-id': 'img-1',
      'x-shasta-ims-job-id': 'job-1',
    });
    expect(planArtifacts(files, sizes, { id: 'i', name: 'n' }, undefined)[0]?.metadata).not.toHaveProperty(
      'x-shasta-ims-job-id',
    );
  });

  it('refuses a missing file, a directory and a set without rootfs, naming each', () => {
    const error = (() => {
      try {
        checkArtifactFiles({ kernel: join(dir, 'absent'), initrd: dir });
      } catch (e) {
        return e as ValidationError;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.issues.map((i) => i.path)).toEqual(['kernel', 'initrd', 'rootfs']);
    expect(error?.message).toContain('ENOENT');
  });

  it('accepts no artifacts at all (the helper then only creates the record)', () => {
    expect(checkArtifactFiles({}).size).toBe(0);
  });
});

describe('helper output', () => {
  it('lists the manifest entry last as application/json, keys sorted, the job only when given', () => {
    const image = {
      id: 'i',
      name: 'n',
      created: 'c',
      arch: 'x86_64',
      link: null,
      metadata: {},
    } as ImageRecord;
    const artifact = {
      type: 't',
      md5: 'm',
      link: { path: 's3://b/i/rootfs', etag: 'e', type: 's3' as const },
    };
    const manifest = {
      type: 'x',
      md5: 'mm',
      link: { path: 's3://b/i/manifest.json', etag: 'ee', type: 's3' as const },
    };
    const output = helperUploadOutput({ image, artifacts: [artifact], manifest, reused: false });
    expect(Object.keys(output)).toEqual(['ims_image_artifacts', 'ims_image_record', 'result']);
    expect(output.ims_image_artifacts.map((a) => a.type)).toEqual(['t', 'application/json']);
    expect(Object.keys(output.ims_image_record)).toEqual([
      'arch',
      'created',
      'id',
      'link',
      'metadata',
      'name',
    ]);
  });
});
