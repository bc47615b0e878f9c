import { ValidationError } from '@nimbus-sdk/core';
import * as Flags from '@oclif/core/flags';
import { instanceFlag } from './scope-flags.js';

/** `--instance` plus the access key the object commands act as. */
export const objectFlags = {
  ...instanceFlag,
  'access-key': Flags.string({
    description: 'Access key id (default AWS_ACCESS_KEY_ID)',
    env: 'AWS_ACCESS_KEY_ID',
  }),
  'secret-key': Flags.string({
    description: 'Secret key (default AWS_SECRET_ACCESS_KEY)',
    env: 'AWS_SECRET_ACCESS_KEY',
  }),
};

/** The credentials of the object flags, or an error that says how to give them. */
export function credentialsOf(flags: { 'access-key'?: string; 'secret-key'?: string }) {
  const accessKeyId = flags['access-key'];
  const secretAccessKey = flags['secret-key'];
  if (!accessKeyId || !secretAccessKey) {
    throw new ValidationError(
      'Object commands need an access key: --access-key and --secret-key, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (see `nimbus s3aas key create`)',
      [{ path: accessKeyId ? 'secret-key' : 'access-key', message: 'missing' }],
    );
  }
  return { accessKeyId, secretAccessKey };
}

/** `bucket/key` or `s3://bucket/key` → its parts; `needKey` refuses a bare bucket. */
export function parseObjectPath(value: string, needKey: boolean): { bucket: string; key: string } {
  const path = value.replace(/^s3:\/\//, '');
  const slash = path.indexOf('/');
  const bucket = slash < 0 ? path : path.slice(0, slash);
  const key = slash < 0 ? '' : path.slice(slash + 1);
  if (!bucket || (needKey && !key)) {
    throw new ValidationError(
      `Expected ${needKey ? 'bucket/key' : 'bucket[/prefix]'}, got ${JSON.stringify(value)}`,
      [{ path: 'path', message: needKey ? 'bucket/key' : 'bucket or bucket/prefix' }],
    );
  }
  return { bucket, key };
}
