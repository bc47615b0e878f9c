import type { EmulatorRequest } from '../types.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { headerValue } from './incoming-headers.js';
import type { VerificationFailure } from './verification-result.js';

/** Options of {@link verifyBasic}. */
export interface VerifyBasicOptions {
  /** The stored password of a user, or `undefined` when the user is unknown. */
  lookupPassword(username: string): string | undefined | Promise<string | undefined>;
}

/** Outcome of {@link verifyBasic}. */
export type BasicVerification = { ok: true; username: string } | VerificationFailure;

/**
 * Server side of `basic()`: `missing` (no Basic header), `malformed` (not base64 `user:pass`),
 * `unknown-key` (no such user), `invalid` (wrong password, compared in constant time).
 */
export async function verifyBasic(
  request: EmulatorRequest,
  options: VerifyBasicOptions,
): Promise<BasicVerification> {
  const header = headerValue(request.headers, 'authorization');
  const match = header === undefined ? null : /^Basic[ ]+([A-Za-z0-9+/=]*)$/i.exec(header.trim());
  if (!match) return { ok: false, kind: 'missing', message: 'no Basic credentials' };
  const decoded = Buffer.from(match[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return { ok: false, kind: 'malformed', message: 'Basic credentials are not user:password' };
  const username = decoded.slice(0, colon);
  const stored = await options.lookupPassword(username);
  if (stored === undefined)
    return { ok: false, kind: 'unknown-key', message: `User ${username} does not exist` };
  if (!constantTimeEqual(stored, decoded.slice(colon + 1))) {
    return { ok: false, kind: 'invalid', message: 'Invalid user credentials' };
  }
  return { ok: true, username };
}
