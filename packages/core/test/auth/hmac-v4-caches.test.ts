import { describe, expect, it } from 'vitest';
import { hmacV4 } from '../../src/index.js';
import { signHmacV4 } from '../../src/signing/index.js';

// The strategy keeps the signing key per day and the timestamp text per second; a signature made
// through those caches must equal a fresh one at every step, across second and day boundaries.
const settings = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
  pathMode: 's3' as const,
  contentSha256Header: true,
};

describe('hmacV4 signing caches', () => {
  it('re-derives the key at midnight and the timestamp each second, matching an uncached signature', async () => {
    const strategy = hmacV4(settings);
    const times = [
      '2026-03-01T23:59:58.100Z',
      '2026-03-01T23:59:58.900Z',
      '2026-03-01T23:59:59.999Z',
      '2026-03-02T00:00:00.000Z',
      '2026-03-02T00:00:00.500Z',
      '2026-03-01T12:00:00.000Z',
    ].map((text) => new Date(text));
    for (const now of times) {
      const url = new URL('https://s3.example.com/bucket/a%20key.txt?list-type=2&prefix=x');
      const headers = new Headers({ 'content-type': 'text/plain', 'x-amz-meta-note': '  two  spaces ' });
      await strategy.authorize(
        { method: 'GET', url, headers, body: undefined },
        { now: () => now, attempt: 1 },
      );
      const fresh = signHmacV4({
        ...settings,
        method: 'GET',
        host: url.host,
        path: url.pathname,
        query: url.search.slice(1),
        headers: { 'content-type': 'text/plain', 'x-amz-meta-note': '  two  spaces ' },
        timestamp: now,
      });
      expect(headers.get('authorization')).toBe(fresh.authorization);
      expect(headers.get('x-amz-date')).toBe(fresh.timestamp);
    }
  });
});
