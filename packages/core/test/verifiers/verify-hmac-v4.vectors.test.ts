import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { loadVectors } from '../../../../test-support/vectors.js';
import { parseHmacV4Authorization, verifyHmacV4 } from '../../src/testing/index.js';
import type { EmulatorRequest } from '../../src/testing/types.js';

interface ValidationCase {
  name: string;
  kind: 'validate' | 'parse';
  method?: string;
  url?: string;
  headers: Record<string, string>;
  body?: string;
  secret?: string | null;
  serverNow?: string | null;
  expected: {
    valid?: boolean;
    reason?: string | null;
    parsed?: Record<string, unknown> | null;
    timestamp?: string;
  };
}

const cases = loadVectors<ValidationCase>('dci-validation.json');

const REASON_TO_KIND: Record<string, string> = {
  'headers are malformated': 'malformed',
  'signature is expired': 'expired',
  'signature is invalid': 'invalid',
  'signature invalid': 'invalid',
};

function lowerCased(headers: Record<string, string>): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function emulatorRequest(vector: ValidationCase): EmulatorRequest {
  const url = new URL(vector.url ?? 'http://invalid/');
  const body = Buffer.from(vector.body ?? '', 'utf8');
  return {
    method: vector.method ?? 'GET',
    url,
    rawPath: url.pathname,
    rawQuery: url.search.slice(1),
    query: url.searchParams,
    headers: lowerCased(vector.headers),
    body,
    params: {},
    json: <T>() => JSON.parse(body.toString('utf8')) as T,
    now: () => new Date(vector.serverNow ?? 0),
  };
}

describe('verifyHmacV4 (dci) reproduces dci-validation.json', () => {
  it('has all 22 cases', () => expect(cases).toHaveLength(22));

  const validate = cases.filter((c) => c.kind === 'validate');
  it.each(validate.map((c) => [c.name, c] as const))('%s', async (_name, vector) => {
    let lookups = 0;
    const result = await verifyHmacV4(emulatorRequest(vector), {
      flavor: 'dci',
      lookupSecret: () => {
        lookups++;
        return vector.secret ?? undefined;
      },
    });
    if (vector.expected.valid) {
      expect(result).toMatchObject({ ok: true });
      const credential = /Credential=([^/]+\/[^/]+)\//.exec(vector.headers.Authorization ?? '')?.[1];
      expect(result.ok && result.accessKey).toBe(credential);
    } else {
      expect(result).toMatchObject({ ok: false, kind: REASON_TO_KIND[vector.expected.reason ?? ''] });
    }
    // The server looks the key up only once the headers parse.
    expect(lookups).toBe(vector.expected.reason === 'headers are malformated' ? 0 : 1);
  });

  const parse = cases.filter((c) => c.kind === 'parse');
  it.each(parse.map((c) => [c.name, c] as const))('parse: %s', (_name, vector) => {
    const result = parseHmacV4Authorization(lowerCased(vector.headers), 'dci', [
      'aws4_request',
      'dci2_request',
    ]);
    if (vector.expected.parsed === null) {
      expect(result.ok).toBe(false);
      return;
    }
    if (!result.ok) throw new Error(result.message);
    const value = result.value;
    if (vector.expected.timestamp !== undefined) {
      expect(value.timestamp).toBe(vector.expected.timestamp);
      return;
    }
    const expected = vector.expected.parsed as Record<string, unknown>;
    const [clientType, clientId] = value.accessKey.split('/');
    expect({
      signed_headers: value.signedHeaders.join(';'),
      service: value.service,
      datestamp: value.datestamp,
      date_header: value.dateHeader,
      canonical_headers: value.canonicalHeaders,
      client_id: clientId,
      client_type: clientType,
      region: value.region,
      host: lowerCased(vector.headers).host,
      algorithm: value.algorithm,
      timestamp: value.timestamp,
      request_type: value.requestType,
      signature: value.signature,
    }).toEqual(expected);
  });
});

describe('verifyHmacV4 failure precedence', () => {
  const valid = cases.find((c) => c.name === 'v2-valid-get-content-type-signed');
  if (!valid) throw new Error('vector missing');

  it('an unknown key is reported before an expired date', async () => {
    const result = await verifyHmacV4(
      { ...emulatorRequest(valid), now: () => new Date('2030-01-01T00:00:00Z') },
      { flavor: 'dci', lookupSecret: () => undefined },
    );
    expect(result).toMatchObject({ ok: false, kind: 'unknown-key' });
  });

  it('a wrong secret is invalid, and the message never contains the secret', async () => {
    const result = await verifyHmacV4(emulatorRequest(valid), {
      flavor: 'dci',
      lookupSecret: () => 'wrong-secret-value',
    });
    expect(result).toMatchObject({ ok: false, kind: 'invalid' });
    expect(JSON.stringify(result)).not.toContain('wrong-secret-value');
  });

  it('an Authorization that is not 4 tokens is malformed', async () => {
    const request = emulatorRequest({
      ...valid,
      headers: { ...valid.headers, Authorization: `${valid.headers.Authorization} extra` },
    });
    const result = await verifyHmacV4(request, {
      flavor: 'dci',
      lookupSecret: () => valid.secret ?? undefined,
    });
    expect(result).toMatchObject({ ok: false, kind: 'malformed' });
  });

  it('a request type outside the allowed set is malformed', async () => {
    const request = emulatorRequest({
      ...valid,
      headers: {
        ...valid.headers,
        Authorization: (valid.headers.Authorization ?? '').replace('dci2_request', 'dci3_request'),
      },
    });
    const result = await verifyHmacV4(request, {
      flavor: 'dci',
      lookupSecret: () => valid.secret ?? undefined,
    });
    expect(result).toMatchObject({ ok: false, kind: 'malformed' });
  });
});
