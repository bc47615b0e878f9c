import type { EmulatorRequest } from '../types.js';
import { headerValue } from './incoming-headers.js';
import type { VerificationFailure } from './verification-result.js';

/** What a token check decides about one token. */
export type BearerTokenCheck<P> = { ok: true; principal: P } | { ok: false; kind: 'expired' | 'invalid' };

/** Options of {@link verifyBearer}. */
export interface VerifyBearerOptions<P> {
  /** Decides on a token: a static list lookup, an issuer's store, a JWT check. */
  check(token: string): BearerTokenCheck<P> | Promise<BearerTokenCheck<P>>;
}

/** Outcome of {@link verifyBearer}. */
export type BearerVerification<P> = { ok: true; token: string; principal: P } | VerificationFailure;

/** Server side of `bearer()` and OAuth2: reads `Authorization: Bearer <token>` and asks `check`. */
export async function verifyBearer<P>(
  request: EmulatorRequest,
  options: VerifyBearerOptions<P>,
): Promise<BearerVerification<P>> {
  const header = headerValue(request.headers, 'authorization');
  const match = header === undefined ? null : /^Bearer[ ]+(\S+)$/i.exec(header.trim());
  if (!match) return { ok: false, kind: 'missing', message: 'no Bearer token' };
  const token = match[1] as string;
  const result = await options.check(token);
  if (!result.ok) {
    return {
      ok: false,
      kind: result.kind,
      message: result.kind === 'expired' ? 'token expired' : 'token not recognised',
    };
  }
  return { ok: true, token, principal: result.principal };
}
