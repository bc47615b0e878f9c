import { createHash } from 'node:crypto';
import { parseAmzDate } from '../../auth/hmac-v4/amz-date.js';
import { percentDecode } from '../../auth/hmac-v4/percent-encoding.js';
import { signHmacV4 } from '../../auth/hmac-v4/sign-hmac-v4.js';
import type { EmulatorRequest } from '../types.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { headerValue } from './incoming-headers.js';
import {
  type HmacV4Flavor,
  type ParsedHmacV4Authorization,
  parseHmacV4Authorization,
} from './parse-hmac-v4-authorization.js';
import type { VerificationFailure } from './verification-result.js';

/** Options of {@link verifyHmacV4}. */
export interface VerifyHmacV4Options {
  /**
   * `dci`: dci-control-server (`HmacMechanism`): constants from the client's Credential, decoded
   * path, `request.args` query (first duplicate wins, blank values kept), raw header values, body
   * hashed as received. `aws`: S3-style SigV4 (single-encoded path, all query pairs, trimmed header
   * values, `X-Amz-Content-Sha256` honoured and checked).
   */
  flavor: HmacV4Flavor;
  /** The stored secret of an access key, or `undefined` when the key is unknown. */
  lookupSecret(
    accessKey: string,
    parsed: ParsedHmacV4Authorization,
  ): string | undefined | Promise<string | undefined>;
  /** Server time; defaults to `request.now()`. */
  now?: Date;
  /** Allowed clock difference, inclusive, either direction. Default 15 minutes. */
  maxSkewMs?: number;
  /** Accepted scope terminators. Default `dci`: aws4_request, dci2_request; `aws`: aws4_request. */
  requestTypes?: readonly string[];
  /** Required region / service (`aws`); DCI's server enforces neither. */
  region?: string;
  service?: string;
}

/** Outcome of {@link verifyHmacV4}. */
export type HmacV4Verification =
  | { ok: true; accessKey: string; parsed: ParsedHmacV4Authorization }
  | (VerificationFailure & { parsed?: ParsedHmacV4Authorization });

const UNSIGNED_PAYLOADS = new Set(['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']);

/**
 * Server side of {@link hmacV4}: checks an HMAC-SHA256 V4 signed request the way DCI's control
 * server or S3 does, in the same order (parse, key lookup, clock skew, signature).
 *
 * @example
 * const result = await verifyHmacV4(request, { flavor: 'dci', lookupSecret: (key) => secrets.get(key) });
 * if (!result.ok) throw new EmulatorHttpError(result.kind === 'unknown-key' ? 404 : 400, …);
 */
export async function verifyHmacV4(
  request: EmulatorRequest,
  options: VerifyHmacV4Options,
): Promise<HmacV4Verification> {
  const { flavor } = options;
  const requestTypes =
    options.requestTypes ?? (flavor === 'dci' ? ['aws4_request', 'dci2_request'] : ['aws4_request']);
  const parse = parseHmacV4Authorization(request.headers, flavor, requestTypes);
  if (!parse.ok) return { ok: false, kind: 'malformed', message: parse.message };
  const parsed = parse.value;
  const reject = (kind: VerificationFailure['kind'], message: string): HmacV4Verification => ({
    ok: false,
    kind,
    message,
    parsed,
  });

  if (flavor === 'aws' && parsed.algorithm !== 'AWS4-HMAC-SHA256') {
    return reject('malformed', `unsupported algorithm ${parsed.algorithm}`);
  }
  if (options.region !== undefined && parsed.region !== options.region) {
    return reject('malformed', `credential region ${parsed.region} is not ${options.region}`);
  }
  if (options.service !== undefined && parsed.service !== options.service) {
    return reject('malformed', `credential service ${parsed.service} is not ${options.service}`);
  }
  const signedAt = parseAmzDate(parsed.timestamp);
  if (!signedAt) return reject('malformed', `date header is not YYYYMMDDTHHMMSSZ: ${parsed.timestamp}`);

  const secret = await options.lookupSecret(parsed.accessKey, parsed);
  if (secret === undefined) return reject('unknown-key', `unknown access key ${parsed.accessKey}`);

  const now = options.now ?? request.now();
  const maxSkewMs = options.maxSkewMs ?? 15 * 60_000;
  if (Math.abs(now.getTime() - signedAt.getTime()) > maxSkewMs) {
    return reject('expired', 'signature is expired');
  }

  const bodyHash = createHash('sha256').update(request.body).digest('hex');
  const declaredHash = headerValue(request.headers, 'x-amz-content-sha256');
  let payloadHash = bodyHash;
  if (flavor === 'aws' && declaredHash !== undefined) {
    if (!UNSIGNED_PAYLOADS.has(declaredHash) && declaredHash !== bodyHash) {
      return reject('invalid', 'X-Amz-Content-Sha256 does not match the body received');
    }
    payloadHash = declaredHash;
  }

  let expected: string;
  try {
    expected = signHmacV4({
      accessKeyId: parsed.accessKey,
      secretAccessKey: secret,
      region: parsed.region,
      service: parsed.service,
      algorithm: parsed.algorithm,
      scopeTerminator: parsed.requestType,
      dateHeader: parsed.dateHeader,
      signedHeaders: parsed.signedHeaders,
      headerValues: flavor === 'dci' ? 'raw' : 'trim',
      // Werkzeug hands the server an already-decoded path, which dciauth unquotes once more.
      pathMode: flavor === 'dci' ? 'decoded' : 's3',
      queryMode: 'aws',
      method: request.method,
      host: '',
      path: flavor === 'dci' ? percentDecode(request.rawPath) : request.rawPath,
      query: flavor === 'dci' ? firstValueQuery(request.rawQuery) : request.rawQuery,
      headers: signedHeaderPairs(parsed),
      payloadHash,
      timestamp: parsed.timestamp,
    }).signature;
  } catch {
    // A signed header that was not sent, or constants no signer accepts: no signature can match.
    return reject('invalid', 'signature is invalid');
  }
  return constantTimeEqual(expected, parsed.signature)
    ? { ok: true, accessKey: parsed.accessKey, parsed }
    : reject('invalid', 'signature is invalid');
}

function signedHeaderPairs(parsed: ParsedHmacV4Authorization): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(parsed.canonicalHeaders))
    if (value !== undefined) pairs.push([name, value]);
  return pairs;
}

// Flask's request.args.to_dict(flat=True): the first value of each key, blank values kept.
function firstValueQuery(rawQuery: string): string {
  const first = new Map<string, string>();
  for (const [key, value] of new URLSearchParams(rawQuery)) if (!first.has(key)) first.set(key, value);
  return new URLSearchParams([...first]).toString();
}
