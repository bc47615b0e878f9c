import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../../../test-support/vectors.js';
import { signHmacV4 } from '../../src/auth/index.js';
import { parseRawHttpRequest } from './raw-http-request.js';

interface AwsVector {
  name: string;
  request: string;
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
  signature: string;
  credentials: {
    accessKeyId: string;
    secretAccessKey: string;
    region: string;
    service: string;
    sessionToken?: string;
  };
  timestamp: string;
}

const awsVectors = loadVectors<AwsVector>('aws-sigv4.json');

describe('signHmacV4 reproduces the AWS SigV4 test suite', () => {
  it('has all 31 vectors', () => expect(awsVectors).toHaveLength(31));

  it.each(awsVectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const request = parseRawHttpRequest(vector.request);
    const result = signHmacV4({
      ...vector.credentials,
      // The "after" case adds the token once the request is signed.
      signSessionToken: vector.name !== 'post-sts-header-after',
      method: request.method,
      host: 'unused.invalid',
      path: request.path,
      query: request.query,
      headers: request.headers,
      body: request.body,
      timestamp: vector.timestamp,
    });
    expect(result.canonicalRequest).toBe(vector.canonicalRequest);
    expect(result.stringToSign).toBe(vector.stringToSign);
    expect(result.signature).toBe(vector.signature);
    expect(result.authorization).toBe(vector.authorization);
    expect(result.headers.Authorization).toBe(vector.authorization);
    expect(result.headers['X-Amz-Date']).toBe(vector.timestamp);
    if (vector.credentials.sessionToken) {
      expect(result.headers['X-Amz-Security-Token']).toBe(vector.credentials.sessionToken);
    }
  });
});
