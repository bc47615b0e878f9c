import { readFileSync } from 'node:fs';
import { ConfigError } from '@nimbus-sdk/core';

const FALSE_LIKE = new Set(['false', 'off', 'no', 'f', 'n', '0']);
const TRUE_LIKE = new Set(['true', 'on', 'yes', 't', 'y', '1']);

/**
 * `S3_SSL_VERIFY` / `S3_SSL_VALIDATE` as the helper reads it: a false-like word turns verification
 * off, a true-like one on; anything else is the path of a CA bundle, read here so a wrong path is
 * reported before any upload starts.
 */
export function parseS3SslVerify(value: string | undefined): boolean | string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const word = value.trim().toLowerCase();
  if (FALSE_LIKE.has(word)) return false;
  if (TRUE_LIKE.has(word)) return true;
  try {
    return readFileSync(value.trim(), 'utf8');
  } catch (error) {
    throw new ConfigError(
      `S3 SSL verify "${value}" is neither true/false nor a readable CA bundle file (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { details: { issues: [{ path: 's3SslVerify', message: 'not a boolean or a readable file' }] } },
    );
  }
}
