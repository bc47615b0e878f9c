import { randomBytes } from 'node:crypto';
import type { EmulatorRequest, EmulatorResponse } from '../types.js';
import { constantTimeEqual } from './constant-time-equal.js';
import { headerValue } from './incoming-headers.js';
import { type BearerVerification, verifyBearer } from './verify-bearer.js';

/** A registered OAuth2 client. */
export interface OAuth2Client {
  secret: string;
  /** Scopes it may request; any when omitted. */
  scopes?: readonly string[];
}

/** Options of {@link oauth2TokenIssuer}. */
export interface OAuth2TokenIssuerOptions {
  clients: Readonly<Record<string, OAuth2Client>>;
  /** Lifetime of issued tokens. Default 3600. */
  ttlSeconds?: number;
  /** Clock in ms. Default `Date.now`. */
  clock?: () => number;
}

/** Who a token was issued to. */
export interface OAuth2Grant {
  clientId: string;
  scope: string;
  expiresAt: number;
}

/** An in-memory OAuth2 authorization server for emulators. */
export interface OAuth2TokenIssuer {
  /** Route handler for `POST <token endpoint>` (client_credentials grant). */
  handleTokenRequest(request: EmulatorRequest): EmulatorResponse;
  /** Checks `Authorization: Bearer` against the tokens issued here. */
  verify(request: EmulatorRequest): Promise<BearerVerification<OAuth2Grant>>;
  /** Number of tokens issued so far (tests assert on it). */
  readonly issuedCount: number;
  /** Expires every token now (as a server-side revocation would). */
  revokeAll(): void;
}

/**
 * The client-credentials grant as RFC 6749 §4.4 describes it: client authentication by Basic header
 * or form fields, `invalid_client` 401, `unsupported_grant_type` / `invalid_scope` 400, random opaque
 * tokens with `expires_in`, `Cache-Control: no-store`.
 */
export function oauth2TokenIssuer(options: OAuth2TokenIssuerOptions): OAuth2TokenIssuer {
  const clock = options.clock ?? Date.now;
  const ttl = options.ttlSeconds ?? 3600;
  const grants = new Map<string, OAuth2Grant>();
  let issued = 0;
  const answer = (
    status: number,
    body: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): EmulatorResponse => ({
    status,
    headers: { 'cache-control': 'no-store', pragma: 'no-cache', ...headers },
    body,
  });

  return {
    handleTokenRequest(request) {
      const form = new URLSearchParams(request.body.toString('utf8'));
      const credentials = clientCredentials(request, form);
      const client = credentials ? options.clients[credentials.id] : undefined;
      if (!credentials || !client || !constantTimeEqual(client.secret, credentials.secret)) {
        return answer(
          401,
          { error: 'invalid_client', error_description: 'Client authentication failed' },
          { 'www-authenticate': 'Basic realm="token"' },
        );
      }
      if (form.get('grant_type') !== 'client_credentials') {
        return answer(400, { error: 'unsupported_grant_type' });
      }
      const requested = (form.get('scope') ?? '').split(' ').filter((s) => s !== '');
      const allowed = client.scopes;
      if (allowed && requested.some((scope) => !allowed.includes(scope))) {
        return answer(400, { error: 'invalid_scope' });
      }
      const scope = (requested.length > 0 ? requested : (allowed ?? [])).join(' ');
      const token = randomBytes(24).toString('base64url');
      grants.set(token, { clientId: credentials.id, scope, expiresAt: clock() + ttl * 1000 });
      issued++;
      return answer(200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: ttl,
        ...(scope ? { scope } : {}),
      });
    },
    verify(request) {
      return verifyBearer(request, {
        check: (token) => {
          const grant = grants.get(token);
          if (!grant) return { ok: false, kind: 'invalid' };
          if (clock() >= grant.expiresAt) return { ok: false, kind: 'expired' };
          return { ok: true, principal: grant };
        },
      });
    },
    get issuedCount() {
      return issued;
    },
    revokeAll() {
      for (const grant of grants.values()) grant.expiresAt = Number.NEGATIVE_INFINITY;
    },
  };
}

function clientCredentials(
  request: EmulatorRequest,
  form: URLSearchParams,
): { id: string; secret: string } | undefined {
  const header = headerValue(request.headers, 'authorization');
  const basic = header === undefined ? null : /^Basic[ ]+([A-Za-z0-9+/=]+)$/i.exec(header.trim());
  if (basic) {
    const decoded = Buffer.from(basic[1] as string, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return undefined;
    const decode = (part: string): string => new URLSearchParams(`v=${part}`).get('v') ?? '';
    return { id: decode(decoded.slice(0, colon)), secret: decode(decoded.slice(colon + 1)) };
  }
  const id = form.get('client_id');
  const secret = form.get('client_secret');
  return id && secret ? { id, secret } : undefined;
}
