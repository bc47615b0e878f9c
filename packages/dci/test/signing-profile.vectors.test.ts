import { signHmacV4 } from '@nimbus-sdk/core/signing';
import { describe, expect, it } from 'vitest';
import { type DciSignatureVector, loadVectors } from '../../../test-support/vectors.js';
import { DCI2_SIGNING, dciSignature } from '../src/index.js';

// Core's parameterised V4 signer with DCI's profile, against every upstream DCI vector (client and
// server shaped); dciSignature() itself is checked in signature-vectors.test.ts.
const dciVectors = loadVectors<DciSignatureVector>('dci-signature.json');

describe('signHmacV4 reproduces the DCI signature vectors', () => {
  it('has all 22 vectors', () => expect(dciVectors).toHaveLength(22));

  it.each(dciVectors.map((v) => [v.name, v] as const))('%s', (_name, vector) => {
    const url = new URL(vector.url);
    const isDciFamily = !vector.algorithm.startsWith('AWS4');
    const dateHeader = Object.keys(vector.headers).find((name) => /-date$/i.test(name)) ?? 'X-DCI-Date';
    const result = signHmacV4({
      ...(isDciFamily ? DCI2_SIGNING : {}),
      algorithm: vector.algorithm,
      scopeTerminator: vector.requestType,
      dateHeader,
      signedHeaders: vector.signedHeaders.split(';'),
      pathMode: 'decoded',
      queryMode: 'map',
      accessKeyId: vector.accessKey,
      secretAccessKey: vector.secret,
      region: vector.region,
      service: vector.service,
      method: vector.method,
      host: url.host,
      path: url.pathname,
      query: url.search.slice(1),
      headers: Object.entries(vector.headers).filter(
        ([name]) => name.toLowerCase() !== dateHeader.toLowerCase(),
      ),
      body: vector.body,
      timestamp: vector.timestamp,
    });
    expect(result.canonicalRequest).toBe(vector.canonicalRequest);
    expect(result.stringToSign).toBe(vector.stringToSign);
    expect(result.signingKey).toBe(vector.signingKey);
    expect(result.signature).toBe(vector.signature);
    expect(result.authorization).toBe(vector.authorization);
    expect(result.headers[dateHeader]).toBe(vector.timestamp);
  });

  it('DCI2_SIGNING alone signs exactly host;x-dci-date with the DCI constants', () => {
    const vector = dciVectors.find((v) => v.name === 'dciauth-v2-generate-default-values');
    if (!vector) throw new Error('vector missing');
    const url = new URL(vector.url);
    const result = signHmacV4({
      ...DCI2_SIGNING,
      accessKeyId: vector.accessKey,
      secretAccessKey: vector.secret,
      region: 'BHS3',
      service: 'api',
      method: 'GET',
      host: url.host,
      path: url.pathname,
      query: url.search.slice(1),
      headers: { 'User-Agent': 'x', Accept: 'application/json' },
      timestamp: new Date(Date.UTC(2017, 11, 15, 11, 19, 29)),
    });
    expect(result.authorization).toBe(vector.authorization);
    expect(result.headers).toEqual({ 'X-DCI-Date': '20171215T111929Z', Authorization: vector.authorization });
  });
});

describe('dciSignature refuses queries DCI can never verify', () => {
  it('a blank or repeated query value fails before signing, naming the parameter', async () => {
    const auth = dciSignature({ clientId: 'remoteci/5bb5c0ed', apiSecret: 'dci-secret-value-123' });
    for (const query of ['query=&limit=1', 'limit=1&limit=2']) {
      const headers = new Headers();
      const url = new URL(`https://api.distributed-ci.io/api/v1/jobs?${query}`);
      const attempt = Promise.resolve().then(() =>
        auth.authorize(
          { method: 'GET', url, headers, body: undefined },
          { now: () => new Date(), attempt: 1 },
        ),
      );
      await expect(attempt, query).rejects.toMatchObject({ code: 'VALIDATION' });
      expect(headers.has('authorization')).toBe(false);
    }
  });
});
