import { describe, expect, it } from 'vitest';
import { type DciSignatureVector, loadVectors } from '../../../test-support/vectors.js';
import { dciSignature } from '../src/index.js';

const vectors = loadVectors<DciSignatureVector>('dci-signature.json');

function instant(stamp: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(stamp);
  if (!m) throw new Error(`bad stamp ${stamp}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

// The dci package always signs exactly host + date header, as python-dciclient does; vectors whose
// requests sign more headers (content-type, x-amz-content-sha256) belong to the core signer tests.
const clientShaped = vectors.filter(
  (v) => v.signedHeaders === 'host;x-dci-date' || v.signedHeaders === 'host;x-amz-date',
);

describe('DCI signature vectors through dciSignature()', () => {
  it('covers the upstream client vectors', () => {
    expect(clientShaped.length).toBeGreaterThanOrEqual(14);
  });

  it.each(clientShaped.map((v) => [v.name, v] as const))('%s', async (_name, vector) => {
    const auth = dciSignature({
      clientId: vector.accessKey,
      apiSecret: vector.secret,
      algorithm: vector.algorithm,
      region: vector.region,
      service: vector.service,
      requestType: vector.requestType,
    });
    const headers = new Headers();
    const body = vector.body === '' ? undefined : new TextEncoder().encode(vector.body);
    await auth.authorize(
      { method: vector.method, url: new URL(vector.url), headers, body },
      { now: () => instant(vector.timestamp), attempt: 1 },
    );
    expect(headers.get('authorization')).toBe(vector.authorization);
    const dateHeader = vector.algorithm.startsWith('AWS4') ? 'x-amz-date' : 'x-dci-date';
    expect(headers.get(dateHeader)).toBe(vector.timestamp);
  });

  it('reads a bare client id as a remoteci and never reveals the secret in describe()', () => {
    const auth = dciSignature({
      clientId: '464cc0a3-d638-4081-a69e-4c80261f3ba5',
      apiSecret: 'a-secret-value',
    });
    expect(auth.describe()).toContain('remoteci/464cc0a3-d638-4081-a69e-4c80261f3ba5');
    expect(auth.describe()).not.toContain('a-secret-value');
  });

  it('refuses an unknown client type before signing anything', () => {
    expect(() =>
      dciSignature({ clientId: 'user/464cc0a3-d638-4081-a69e-4c80261f3ba5', apiSecret: 's' }),
    ).toThrow(/remoteci\/<uuid> or feeder\/<uuid>/);
  });
});
