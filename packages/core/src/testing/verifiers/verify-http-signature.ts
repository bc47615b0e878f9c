import { verify as cryptoVerify } from 'node:crypto';
import type sshpk from 'sshpk';
import {
  type HttpSignatureParams,
  parseSignatureAuthorization,
} from '../../auth/http-signature/authorization-header.js';
import { buildSigningString } from '../../auth/http-signature/signing-string.js';
import { sshpkModule } from '../../auth/http-signature/sshpk-module.js';
import type { EmulatorRequest } from '../types.js';
import { headerValue } from './incoming-headers.js';
import type { VerificationFailure } from './verification-result.js';

/** CloudAPI's allowlist (`lib/authorization.js`). */
export const CLOUDAPI_SIGNATURE_ALGORITHMS: readonly string[] = [
  'rsa-sha1',
  'rsa-sha256',
  'rsa-sha384',
  'rsa-sha512',
  'dsa-sha1',
  'dsa-sha256',
  'ecdsa-sha256',
  'ecdsa-sha384',
  'ecdsa-sha512',
];

/** A keyId split into CloudAPI's two accepted shapes. */
export interface CloudApiKeyId {
  keyId: string;
  login: string;
  /** RBAC sub-user, for `/<login>/users/<user>/keys/<key>`. */
  user?: string;
  /** Key name or MD5 fingerprint. */
  key: string;
}

/** Options of {@link verifyHttpSignature}. */
export interface VerifyHttpSignatureOptions {
  /** The public key (OpenSSH line, PEM or sshpk key) for a keyId, or `undefined` when unknown. */
  lookupKey(
    keyId: CloudApiKeyId,
  ): string | Buffer | sshpk.Key | undefined | Promise<string | Buffer | sshpk.Key | undefined>;
  /** Server time; defaults to `request.now()`. */
  now?: Date;
  /** Allowed |now − Date|, inclusive. Default 300 000 ms (CloudAPI). */
  maxSkewMs?: number;
  /** Accepted algorithms. Default {@link CLOUDAPI_SIGNATURE_ALGORITHMS}. */
  algorithms?: readonly string[];
}

/** Outcome of {@link verifyHttpSignature}. */
export type HttpSignatureVerification =
  | { ok: true; keyId: CloudApiKeyId; algorithm: string; format: HttpSignatureParams['format'] }
  | VerificationFailure;

/**
 * Server side of `httpSignature`, in CloudAPI's order: parse (modern, then legacy 0.9) and check
 * the Date and signed headers (→ 400 InvalidHeader), then algorithm allowlist, keyId shape, key
 * lookup and signature (→ 401 InvalidCredentials). A missing Authorization is `missing`.
 *
 * @example
 * const r = await verifyHttpSignature(request, { lookupKey: ({ login, key }) => keys.get(`${login}/${key}`) });
 */
export async function verifyHttpSignature(
  request: EmulatorRequest,
  options: VerifyHttpSignatureOptions,
): Promise<HttpSignatureVerification> {
  const authorization = headerValue(request.headers, 'authorization');
  if (authorization === undefined) return fail('missing', 'You must make authenticated requests');
  if (!/^Signature\s/i.test(authorization)) return fail('missing', 'Authorization scheme is not Signature');
  const params = parseSignatureAuthorization(authorization.replace(/^signature/i, 'Signature'));
  if (typeof params === 'string') return fail('malformed', `Authorization header invalid: ${params}`);

  const dateName = headerValue(request.headers, 'x-date') !== undefined ? 'x-date' : 'date';
  const signedHeaders = params.headers ?? [dateName];
  if (!signedHeaders.includes('date') && !signedHeaders.includes('x-date')) {
    return fail('malformed', 'Authorization header invalid: date or x-date must be signed');
  }
  const signing = buildSigningString({
    method: request.method,
    target: request.rawQuery === '' ? request.rawPath : `${request.rawPath}?${request.rawQuery}`,
    header: (name) => headerValue(request.headers, name),
    headers: signedHeaders,
    format: params.format,
  });
  if (!signing.ok)
    return fail('malformed', `Authorization header invalid: ${signing.missing} was not in the request`);
  const sentDate = Date.parse(headerValue(request.headers, dateName) ?? '');
  if (Number.isNaN(sentDate))
    return fail('malformed', `Authorization header invalid: ${dateName} is not a date`);
  const now = (options.now ?? request.now()).getTime();
  if (Math.abs(now - sentDate) > (options.maxSkewMs ?? 300_000)) {
    return fail('expired', 'Authorization header invalid: clock skew too large');
  }

  const algorithm = params.algorithm.toLowerCase();
  if (!(options.algorithms ?? CLOUDAPI_SIGNATURE_ALGORITHMS).includes(algorithm)) {
    return fail(
      'unsupported-algorithm',
      `${params.algorithm.toUpperCase()} is not a supported signing algorithm`,
    );
  }
  const keyId = parseCloudApiKeyId(params.keyId);
  if (!keyId) return fail('bad-key-id', `Invalid KeyId ${params.keyId} in authorization header`);

  const stored = await options.lookupKey(keyId);
  if (stored === undefined) return fail('unknown-key', 'Invalid authorization credentials supplied');
  const key =
    typeof stored === 'string' || Buffer.isBuffer(stored) ? sshpkModule().parseKey(stored, 'auto') : stored;
  const [keyType, hash] = algorithm.split('-') as [string, string];
  let valid = false;
  if (keyType === key.type) {
    try {
      valid = cryptoVerify(
        hash,
        Buffer.from(signing.value, 'utf8'),
        key.toString('pem'),
        Buffer.from(params.signature, 'base64'),
      );
    } catch {
      valid = false;
    }
  }
  if (!valid) return fail('invalid', 'Invalid authorization credentials supplied');
  return { ok: true, keyId, algorithm, format: params.format };
}

/** Splits `/<login>/keys/<key>` or `/<login>/users/<user>/keys/<key>`; `undefined` for any other shape. */
export function parseCloudApiKeyId(keyId: string): CloudApiKeyId | undefined {
  const parts = keyId.split('/');
  if (parts[0] !== '' || parts.some((part, index) => index > 0 && part === '')) return undefined;
  if (parts.length === 4 && parts[2] === 'keys')
    return { keyId, login: parts[1] as string, key: parts[3] as string };
  if (parts.length === 6 && parts[2] === 'users' && parts[4] === 'keys') {
    return { keyId, login: parts[1] as string, user: parts[3] as string, key: parts[5] as string };
  }
  return undefined;
}

function fail(kind: VerificationFailure['kind'], message: string): VerificationFailure {
  return { ok: false, kind, message };
}
