import { ValidationError } from '@nimbus-sdk/core';
import { describe, expect, it } from 'vitest';
import {
  buildImageManifest,
  checkImageManifest,
  IMAGE_ARTIFACTS,
  type ManifestArtifact,
  serializeImageManifest,
} from '../src/index.js';

const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
const entry = (type: string, suffix: string, etag = md5): ManifestArtifact => ({
  type,
  md5,
  link: { path: `s3://boot-images/abc/${suffix}`, etag, type: 's3' },
});
const bootSet = [
  entry(IMAGE_ARTIFACTS.rootfs.type, 'rootfs', '"f04af5f34635ae7c507322985e60c00c-131"'),
  entry(IMAGE_ARTIFACTS.kernel.type, 'kernel'),
  entry(IMAGE_ARTIFACTS.initrd.type, 'initrd'),
];

describe('image manifest 1.0', () => {
  it('builds version 1.0 with the ETags unquoted and a Python-style local timestamp', () => {
    const manifest = buildImageManifest(bootSet, new Date(2023, 1, 7, 21, 38, 50, 567));
    expect(manifest.version).toBe('1.0');
    expect(manifest.created).toBe('2023-02-07 21:38:50.567000');
    expect(manifest.artifacts[0]?.link.etag).toBe('f04af5f34635ae7c507322985e60c00c-131');
    expect(manifest.artifacts.map((a) => a.type)).toEqual([
      'application/vnd.cray.image.rootfs.squashfs',
      'application/vnd.cray.image.kernel',
      'application/vnd.cray.image.initrd',
    ]);
  });

  it('serializes with sorted keys and a 4-space indent, as the helper writes it', () => {
    const text = serializeImageManifest(buildImageManifest(bootSet));
    expect(text.split('\n')[1]).toBe('    "artifacts": [');
    const keys = Object.keys(JSON.parse(text) as object);
    expect(keys).toEqual(['artifacts', 'created', 'version']);
    expect(Object.keys((JSON.parse(text) as { artifacts: object[] }).artifacts[0] as object)).toEqual([
      'link',
      'md5',
      'type',
    ]);
  });

  it('refuses a manifest without a rootfs, or with two, before anything is written', () => {
    expect(() => buildImageManifest(bootSet.slice(1))).toThrow(/exactly one rootfs.*found 0/);
    expect(() => buildImageManifest([...bootSet, bootSet[0] as ManifestArtifact])).toThrow(/found 2/);
  });

  it('refuses another version, non-s3 links and bad MD5s, naming each field', () => {
    const bad = {
      version: '2.0',
      created: 'x',
      artifacts: [{ type: IMAGE_ARTIFACTS.rootfs.type, md5: 'XYZ', link: { path: '/tmp/x', type: 'file' } }],
    };
    const error = (() => {
      try {
        checkImageManifest(bad);
      } catch (e) {
        return e as ValidationError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect(error?.issues.map((issue) => issue.path)).toEqual([
      'version',
      'artifacts.0.md5',
      'artifacts.0.link.type',
      'artifacts.0.link.path',
    ]);
  });
});
