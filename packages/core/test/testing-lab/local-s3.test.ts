import { describe, expect, it } from 'vitest';
import { isApiError } from '../../src/errors/index.js';
import { localS3FromEnv } from '../../src/testing/local-s3.js';

describe('localS3FromEnv', () => {
  const configured = {
    NIMBUS_S3_ENDPOINT: 'http://127.0.0.1:7480',
    NIMBUS_S3_ACCESS_KEY: 'AK',
    NIMBUS_S3_SECRET_KEY: 'SK',
  };

  it('reads the endpoint and keys that with-rgw.sh exports, defaulting the region', () => {
    expect(localS3FromEnv(configured)).toEqual({
      endpoint: 'http://127.0.0.1:7480',
      accessKeyId: 'AK',
      secretAccessKey: 'SK',
      region: 'us-east-1',
    });
  });

  it('lets a developer without Ceph skip S3 tests', () => {
    expect(localS3FromEnv({})).toBeUndefined();
  });

  it('refuses to skip under CI, naming the fix', () => {
    let thrown: unknown;
    try {
      localS3FromEnv({ CI: 'true', NIMBUS_S3_ENDPOINT: 'http://127.0.0.1:1' });
    } catch (error) {
      thrown = error;
    }
    expect(isApiError(thrown) && thrown.code).toBe('CONFIG');
    expect((thrown as Error).message).toMatch(/with-rgw\.sh/);
  });
});
