import { ValidationError, type ValidationIssue } from '../../errors/index.js';
import type { HeaderInput, HeaderValueMode } from './canonical-headers.js';
import type { HmacV4PathMode } from './canonical-path.js';
import type { HmacV4QueryMode } from './canonical-query.js';
import { prepareHmacV4 } from './prepared-signer.js';

export { EMPTY_SHA256 } from './prepared-signer.js';

/**
 * The constants and policies of an HMAC-SHA256 "V4" signer. Defaults are AWS SigV4; a service with
 * its own variant (DCI's `DCI2-HMAC-SHA256`) keeps its profile in its own package.
 */
export interface HmacV4Profile {
  /** Algorithm token, first word of the Authorization header. Default `AWS4-HMAC-SHA256`. */
  algorithm?: string;
  /** Prefix of the secret for key derivation. Default: `algorithm` minus `-HMAC-SHA256`. */
  keyPrefix?: string;
  /** Last element of the credential scope. Default `aws4_request`. */
  scopeTerminator?: string;
  /** Header carrying the timestamp, in the casing to send. Default `X-Amz-Date`. */
  dateHeader?: string;
  /**
   * `all` (AWS): every header present except {@link HmacV4Profile.unsignableHeaders}; or an exact
   * list of lower-case names (DCI: `['host', 'x-dci-date']`). Default `all`.
   */
  signedHeaders?: 'all' | readonly string[];
  /** Lower-case names never signed under the `all` policy. Default: the AWS list. */
  unsignableHeaders?: readonly string[];
  /** Default `aws`. */
  pathMode?: HmacV4PathMode;
  /** Default `aws`. */
  queryMode?: HmacV4QueryMode;
  /** Default `trim` (AWS); `raw` signs values as sent. */
  headerValues?: HeaderValueMode;
  /** Send and sign `X-Amz-Content-Sha256` with the payload hash (S3 requires it). Default false. */
  contentSha256Header?: boolean;
  /** Whether the session token header is signed (true, AWS default) or only added after signing. */
  signSessionToken?: boolean;
}

/** Who signs, and for which scope. */
export interface HmacV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** Temporary-credentials token, sent as `X-Amz-Security-Token`. */
  sessionToken?: string;
  region: string;
  service: string;
}

/** One request to sign. */
export interface HmacV4Request {
  /** HTTP method; upper-cased for signing. */
  method: string;
  /** `Host` value signed when the headers carry none (the URL's `host`, port only when non-default). */
  host: string;
  /** The path exactly as sent, still percent-encoded, without the query. */
  path: string;
  /** The raw query string as sent, without `?` (may be empty). */
  query: string;
  headers: HeaderInput;
  /** Exact body bytes (strings are hashed as UTF-8). */
  body?: Uint8Array | string;
  /** Lower-case hex SHA-256 of the body when it is already known (streams). */
  bodySha256?: string;
  /**
   * The payload-hash line to use, overriding `X-Amz-Content-Sha256`, `bodySha256` and `body`.
   * Verifiers pass the hash of the bytes they received.
   */
  payloadHash?: string;
  /** The signing time, or a `YYYYMMDDTHHMMSSZ` stamp. */
  timestamp: Date | string;
}

/** Everything {@link signHmacV4} computed, intermediates included (for tests and debugging). */
export interface HmacV4Signature {
  canonicalRequest: string;
  stringToSign: string;
  /** Hex of the derived signing key. Secret-equivalent for one day: never log it. */
  signingKey: string;
  signature: string;
  authorization: string;
  credentialScope: string;
  /** `;`-joined signed header names. */
  signedHeaders: string;
  timestamp: string;
  payloadHash: string;
  /** Headers to set on the request, Authorization included, in the casing to send. */
  headers: Record<string, string>;
}

/** Input of {@link signHmacV4}: the request, the credentials and the profile. */
export type HmacV4SigningInput = HmacV4Request & HmacV4Credentials & HmacV4Profile;

/**
 * Signs one request with an HMAC-SHA256 V4 scheme (AWS SigV4, DCI2, ...). Pure: no clock, no I/O.
 *
 * @example
 * const s = signHmacV4({ accessKeyId: 'AKID', secretAccessKey: 's', region: 'us-east-1', service: 's3',
 *   method: 'GET', host: 'bucket.s3.amazonaws.com', path: '/key', query: '', headers: {},
 *   timestamp: new Date() });
 * // s.headers → { 'X-Amz-Date': '2024…Z', Authorization: 'AWS4-HMAC-SHA256 Credential=…' }
 */
export function signHmacV4(input: HmacV4SigningInput): HmacV4Signature {
  assertHmacV4Settings(input);
  return prepareHmacV4(input).sign(input);
}

/**
 * Throws a {@link ValidationError} listing every unusable setting. Called by the strategy at
 * construction so bad configuration fails before any request.
 */
export function assertHmacV4Settings(settings: Partial<HmacV4Credentials> & HmacV4Profile): void {
  const issues: ValidationIssue[] = [];
  const requireText = (path: keyof HmacV4Credentials, hint: string): void => {
    const value = settings[path];
    if (typeof value !== 'string' || value.trim() === '') issues.push({ path, message: `required: ${hint}` });
  };
  requireText('accessKeyId', 'the access key id (e.g. remoteci/<uuid> or AKIA…)');
  requireText('secretAccessKey', 'the secret key');
  requireText('region', 'the signing region (e.g. us-east-1, BHS3)');
  requireText('service', 'the signing service (e.g. s3, api)');
  for (const path of ['region', 'service', 'scopeTerminator'] as const) {
    const value = settings[path];
    if (typeof value === 'string' && /[/\s]/.test(value)) {
      issues.push({
        path,
        message: 'must not contain "/" or whitespace (it is part of the credential scope)',
      });
    }
  }
  if (settings.algorithm !== undefined && !/^[A-Za-z0-9]+-HMAC-SHA256$/.test(settings.algorithm)) {
    issues.push({ path: 'algorithm', message: 'must look like <PREFIX>-HMAC-SHA256, e.g. AWS4-HMAC-SHA256' });
  }
  if (settings.dateHeader !== undefined && !/^[A-Za-z0-9-]+$/.test(settings.dateHeader)) {
    issues.push({ path: 'dateHeader', message: 'must be a header name such as X-Amz-Date' });
  }
  if (Array.isArray(settings.signedHeaders) && settings.signedHeaders.length === 0) {
    issues.push({ path: 'signedHeaders', message: "must list at least one header, or be 'all'" });
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Invalid HMAC V4 settings: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`,
      issues,
    );
  }
}
