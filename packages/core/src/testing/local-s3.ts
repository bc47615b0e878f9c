import { ConfigError } from '../errors/client-errors.js';

/** Where a real S3-compatible server for tests listens, and its credentials. */
export interface LocalS3 {
  readonly endpoint: string;
  readonly region: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/** The variables `scripts/with-rgw.sh` sets when it runs a command beside a local RGW. */
export const LOCAL_S3_ENV = {
  endpoint: 'NIMBUS_S3_ENDPOINT',
  region: 'NIMBUS_S3_REGION',
  accessKeyId: 'NIMBUS_S3_ACCESS_KEY',
  secretAccessKey: 'NIMBUS_S3_SECRET_KEY',
} as const;

/**
 * The local S3 server a test may use. `undefined` when none is configured, so a developer without
 * Ceph can still run the rest; under `CI=true` a missing server is an error, never a silent skip.
 *
 * @example
 * const s3 = localS3FromEnv();
 * describe.skipIf(!s3)('against a real S3 server', () => { ... });
 */
export function localS3FromEnv(env: NodeJS.ProcessEnv = process.env): LocalS3 | undefined {
  const endpoint = env[LOCAL_S3_ENV.endpoint];
  const accessKeyId = env[LOCAL_S3_ENV.accessKeyId];
  const secretAccessKey = env[LOCAL_S3_ENV.secretAccessKey];
  if (endpoint && accessKeyId && secretAccessKey) {
    return { endpoint, accessKeyId, secretAccessKey, region: env[LOCAL_S3_ENV.region] || 'us-east-1' };
  }
  if (env.CI === 'true') {
    throw new ConfigError(
      `${LOCAL_S3_ENV.endpoint} is not set under CI: S3 tests must run against the local Ceph RGW (run the suite through scripts/with-rgw.sh)`,
    );
  }
  return undefined;
}
