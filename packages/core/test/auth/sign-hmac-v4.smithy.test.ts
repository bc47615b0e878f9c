import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { encodeRfc3986 } from '../../src/auth/hmac-v4/percent-encoding.js';
import { signHmacV4 } from '../../src/auth/index.js';
import { picker, seededRandom } from './seeded-random.js';

const SEED = 20_251_122;
const CASES = 300;

const SEGMENT_CHARS = [..."abcXYZ019-._~!$&'()*+,;=:@", '%20', '%C3%A9', '%2F', '%25'];
const RAW_CHARS = [..."abcXYZ019-._~ !$&'()*+,;=:@/?#[]%", 'é', 'ሴ', '😀'];
const QUERY_CHARS = [..."abcXYZ019-._~ !$'()*,;:@/?", 'é', '+', '&', '='];
const HEADER_NAMES = [
  'x-custom',
  'content-type',
  'x-amz-meta-note',
  'accept',
  'user-agent',
  'x-trace',
  'if-match',
];
const HEADER_VALUES = [
  'v',
  ' padded  value ',
  'a   b   c',
  '"quoted  value"',
  'W/"etag"',
  'text/plain; charset=utf-8',
];

describe('signHmacV4 agrees with @smithy/signature-v4', () => {
  it(`on ${CASES} seeded random requests (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const { int, pick, text } = picker(random);
    for (let n = 0; n < CASES; n++) {
      const s3 = random() < 0.4;
      const segments = Array.from({ length: 1 + int(4) }, () =>
        s3
          ? encodeRfc3986(text(RAW_CHARS, 0, 6))
          : random() < 0.1
            ? pick(['.', '..'])
            : text(SEGMENT_CHARS, 0, 5),
      );
      const path = `/${segments.join('/')}${random() < 0.3 ? '/' : ''}`;
      const pairs: [string, string][] = Array.from({ length: int(5) }, () => [
        text(QUERY_CHARS, 1, 4),
        random() < 0.15 ? '' : text(QUERY_CHARS, 0, 5),
      ]);
      if (pairs.length > 1 && random() < 0.3) pairs.push([pairs[0]?.[0] ?? 'k', text(QUERY_CHARS, 1, 3)]);
      const query: Record<string, string | string[]> = {};
      for (const [key, value] of pairs) {
        const existing = query[key];
        query[key] =
          existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
      }
      const headers: Record<string, string> = {
        host: `h${int(9)}.example.com${random() < 0.5 ? ':8443' : ''}`,
      };
      for (let h = int(4); h > 0; h--) headers[pick(HEADER_NAMES)] = pick(HEADER_VALUES);
      const body = random() < 0.5 ? '' : text(RAW_CHARS, 1, 40);
      const method = pick(['GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH']);
      const credentials = {
        accessKeyId: `AKID${int(1e6)}`,
        secretAccessKey: text(QUERY_CHARS, 10, 40),
        ...(random() < 0.3 ? { sessionToken: `token-${int(1e9)}` } : {}),
      };
      const region = pick(['us-east-1', 'eu-west-3', 'BHS3', 'default']);
      const service = pick(['s3', 'api', 'iam', 'execute-api']);
      const applyChecksum = random() < 0.5;
      const date = new Date(Date.UTC(2020 + int(6), int(12), 1 + int(28), int(24), int(60), int(60)));

      const smithy = new SignatureV4({
        credentials,
        region,
        service,
        sha256: Sha256,
        uriEscapePath: !s3,
        applyChecksum,
      });
      const expected = await smithy.sign(
        new HttpRequest({ method, hostname: 'ignored', path, query, headers: { ...headers }, body }),
        { signingDate: date },
      );
      const ours = signHmacV4({
        ...credentials,
        region,
        service,
        pathMode: s3 ? 's3' : 'aws',
        contentSha256Header: applyChecksum,
        method,
        host: headers.host ?? '',
        path,
        query: new URLSearchParams(pairs).toString(),
        headers,
        body,
        timestamp: date,
      });
      const context = JSON.stringify({ n, method, path, pairs, headers, s3, applyChecksum });
      expect(ours.authorization, context).toBe(expected.headers.authorization);
    }
  });
});
