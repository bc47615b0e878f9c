import { ConfigError } from '@nimbus-sdk/core';
import { describe, expect, it } from 'vitest';
import { s3aasClientOptions } from '../src/settings.js';

describe('settings → client options', () => {
  it('builds the client options the CLI and the environment share', () => {
    expect(
      s3aasClientOptions({
        url: 'http://metapaas:8080',
        iamUrl: 'http://core/api/core',
        username: 'alice',
        password: 'pw',
        project: '4d657461-0000-0000-0000-000000000002',
        dataPlaneEndpoint: 'http://10.0.0.5:9000',
        refreshToken: 'saved',
      }),
    ).toEqual({
      url: 'http://metapaas:8080',
      iam: { url: 'http://core/api/core', username: 'alice', password: 'pw', refreshToken: 'saved' },
      project: '4d657461-0000-0000-0000-000000000002',
      dataPlane: { endpoint: 'http://10.0.0.5:9000' },
    });
  });

  it('says what to fix for half-given credentials, a bad project or a missing URL', () => {
    const base = { url: 'http://m', iamUrl: 'http://i' };
    expect(() => s3aasClientOptions({ ...base, password: 'pw' })).toThrow(/EXORDOS_USERNAME is not/);
    expect(() => s3aasClientOptions({ ...base, clientSecret: 's' })).toThrow(/EXORDOS_CLIENT_ID is not/);
    expect(() => s3aasClientOptions({ ...base, project: 'p1' })).toThrow(/project uuid/);
    expect(() => s3aasClientOptions({ iamUrl: 'http://i' })).toThrow(ConfigError);
    expect(() => s3aasClientOptions({ url: 'http://m' })).toThrow(/EXORDOS_IAM_URL/);
  });
});
