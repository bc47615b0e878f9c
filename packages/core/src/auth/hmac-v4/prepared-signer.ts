import { createHash, createHmac } from 'node:crypto';
import { ValidationError } from '../../errors/client-errors.js';
import { formatAmzDate, parseAmzDate } from './amz-date.js';
import {
  canonicalHeaderValue,
  collectHeaders,
  DEFAULT_UNSIGNABLE_HEADERS,
  type HeaderInput,
  isUnsignable,
} from './canonical-headers.js';
import { canonicalPath } from './canonical-path.js';
import { canonicalQuery, parseQueryPairs } from './canonical-query.js';
import type { HmacV4Credentials, HmacV4Profile, HmacV4Request, HmacV4Signature } from './sign-hmac-v4.js';
import { deriveSigningKey } from './signing-key.js';

/** SHA-256 of zero bytes, the payload hash of a request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A signer whose settings were read once; `sign` is called per request (per attempt). */
export interface PreparedHmacV4 {
  /** Everything the signature is made of, intermediates included. */
  sign(request: HmacV4Request): HmacV4Signature;
  /** Only the headers to set on the request (Authorization included): the transport's path. */
  headersFor(request: HmacV4Request): Record<string, string>;
}

/**
 * Reads the profile and credentials once: everything that does not change between requests (the
 * scope's fixed part, the header policy, the Authorization prefix) is computed here, and the
 * signing key and timestamp text are kept until the day or second changes. A client signs
 * thousands of requests with one profile, and these were most of each signature's cost.
 */
export function prepareHmacV4(settings: HmacV4Credentials & HmacV4Profile): PreparedHmacV4 {
  const algorithm = settings.algorithm ?? 'AWS4-HMAC-SHA256';
  const keyPrefix = settings.keyPrefix ?? algorithm.replace(/-HMAC-SHA256$/, '');
  const terminator = settings.scopeTerminator ?? 'aws4_request';
  const dateHeader = settings.dateHeader ?? 'X-Amz-Date';
  const dateHeaderLower = dateHeader.toLowerCase();
  const pathMode = settings.pathMode ?? 'aws';
  const queryMode = settings.queryMode ?? 'aws';
  const valueMode = settings.headerValues ?? 'trim';
  const signToken = settings.signSessionToken ?? true;
  const scopeTail = `/${settings.region}/${settings.service}/${terminator}`;
  const credentialPrefix = `${algorithm} Credential=${settings.accessKeyId}/`;
  const policy = settings.signedHeaders ?? 'all';
  const fixedNames = policy === 'all' ? undefined : [...new Set(policy.map((n) => n.toLowerCase()))].sort();
  const unsignable = new Set(settings.unsignableHeaders ?? DEFAULT_UNSIGNABLE_HEADERS);

  let keyDay = '';
  let key: Buffer = Buffer.alloc(0);
  const keyFor = (datestamp: string): Buffer => {
    if (datestamp !== keyDay) {
      key = deriveSigningKey(
        settings.secretAccessKey,
        keyPrefix,
        datestamp,
        settings.region,
        settings.service,
        terminator,
      );
      keyDay = datestamp;
    }
    return key;
  };
  let stampSecond = Number.NaN;
  let stampText = '';
  const stampOf = (timestamp: Date | string): string => {
    if (typeof timestamp === 'string') {
      if (!parseAmzDate(timestamp)) {
        throw new ValidationError(
          `HMAC V4 timestamp must be YYYYMMDDTHHMMSSZ, got ${JSON.stringify(timestamp)}`,
        );
      }
      return timestamp;
    }
    const second = Math.floor(timestamp.getTime() / 1000);
    if (second !== stampSecond) {
      stampText = formatAmzDate(timestamp);
      stampSecond = second;
    }
    return stampText;
  };

  const compute = (request: HmacV4Request, full: boolean): HmacV4Signature => {
    const timestamp = stampOf(request.timestamp);
    const datestamp = timestamp.slice(0, 8);
    const headers = headerMap(request.headers);
    if (!headers.has('host')) headers.set('host', [request.host]);
    const added: Record<string, string> = {};
    const setHeader = (name: string, lower: string, value: string): void => {
      headers.set(lower, [value]);
      added[name] = value;
    };
    setHeader(dateHeader, dateHeaderLower, timestamp);

    const contentHash = headers.get('x-amz-content-sha256')?.[0];
    const payloadHash =
      request.payloadHash ?? contentHash ?? request.bodySha256 ?? sha256Hex(request.body ?? '');
    if (settings.contentSha256Header && contentHash === undefined) {
      setHeader('X-Amz-Content-Sha256', 'x-amz-content-sha256', payloadHash);
    }
    if (settings.sessionToken && signToken) {
      setHeader('X-Amz-Security-Token', 'x-amz-security-token', settings.sessionToken);
    }

    const signedNames = fixedNames ?? allSignable(headers, unsignable);
    if (fixedNames) assertPresent(fixedNames, headers);
    let canonicalHeaders = '';
    for (const name of signedNames) {
      canonicalHeaders += `${name}:${canonicalHeaderValue(headers.get(name) ?? [], valueMode)}\n`;
    }
    const signedHeaders = signedNames.join(';');
    const canonicalRequest =
      `${request.method.toUpperCase()}\n${canonicalPath(request.path, pathMode)}\n` +
      `${canonicalQuery(parseQueryPairs(request.query), queryMode)}\n${canonicalHeaders}\n` +
      `${signedHeaders}\n${payloadHash}`;
    const credentialScope = datestamp + scopeTail;
    const stringToSign = `${algorithm}\n${timestamp}\n${credentialScope}\n${sha256Hex(canonicalRequest)}`;
    const signingKey = keyFor(datestamp);
    const signature = createHmac('sha256', signingKey).update(stringToSign, 'utf8').digest('hex');
    const authorization = `${credentialPrefix}${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
    if (settings.sessionToken && !signToken) added['X-Amz-Security-Token'] = settings.sessionToken;
    added.Authorization = authorization;
    return {
      canonicalRequest,
      stringToSign,
      // Hex of a secret-equivalent key: only built when a caller asked for the intermediates.
      signingKey: full ? signingKey.toString('hex') : '',
      signature,
      authorization,
      credentialScope,
      signedHeaders,
      timestamp,
      payloadHash,
      headers: added,
    };
  };

  return {
    sign: (request) => compute(request, true),
    headersFor: (request) => compute(request, false).headers,
  };
}

/**
 * Header values grouped by lower-case name. A `Headers` object already yields lower-case names with
 * repeated values joined, so it is read as is; other inputs go through {@link collectHeaders}.
 */
function headerMap(input: HeaderInput): Map<string, string[]> {
  if (!(input instanceof Headers)) return collectHeaders(input);
  const out = new Map<string, string[]>();
  input.forEach((value, name) => {
    out.set(name, [value]);
  });
  return out;
}

function allSignable(headers: Map<string, string[]>, unsignable: ReadonlySet<string>): string[] {
  const names: string[] = [];
  for (const name of headers.keys()) if (!isUnsignable(name, unsignable)) names.push(name);
  return names.sort();
}

function assertPresent(names: readonly string[], headers: Map<string, string[]>): void {
  const missing = names.filter((name) => !headers.has(name));
  if (missing.length === 0) return;
  throw new ValidationError(`HMAC V4: headers to sign are missing from the request: ${missing.join(', ')}`, [
    {
      path: 'signedHeaders',
      message: `add ${missing.join(', ')} to the request or remove them from signedHeaders`,
    },
  ]);
}

function sha256Hex(data: Uint8Array | string): string {
  if (data === '') return EMPTY_SHA256;
  return createHash('sha256').update(data).digest('hex');
}
