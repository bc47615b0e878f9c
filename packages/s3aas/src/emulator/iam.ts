import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import type { EmulatorState, IamUser } from './state.js';

/** The emulated Core's default IAM client (development defaults, as in a dev install). */
export const DEFAULT_CLIENT = {
  uuid: '00000000-0000-0000-0000-000000000000',
  clientId: 'GenesisCoreClientId',
  clientSecret: 'GenesisCoreSecret',
} as const;

/** Issues and checks HS256 JWTs the way Core's IAM hands them out. */
export class TokenMinter {
  readonly #key = randomBytes(32);
  constructor(
    private readonly state: EmulatorState,
    private readonly now: () => number,
  ) {}

  /** A signed JWT with the usual claims, remembered in the state. */
  mint(
    user: IamUser,
    kind: 'access' | 'refresh',
    ttlSeconds: number,
    projectId: string | null,
  ): { token: string; expiresAt: number } {
    const iat = Math.floor(this.now() / 1000);
    const exp = iat + ttlSeconds;
    const claims = {
      exp,
      iat,
      auth_time: iat,
      jti: randomUUID(),
      iss: 'exordos-core-emulator',
      aud: DEFAULT_CLIENT.clientId,
      sub: user.uuid,
      typ: kind === 'access' ? 'Bearer' : 'Refresh',
      otp: Boolean(user.otp),
    };
    const token = this.sign(claims);
    this.state.tokens.set(token, { user: user.uuid, projectId, expiresAt: exp * 1000, kind });
    return { token, expiresAt: exp };
  }

  /** An id_token carrying the scoped project. */
  idToken(user: IamUser, projectId: string | null, ttlSeconds: number): string {
    const iat = Math.floor(this.now() / 1000);
    return this.sign({
      exp: iat + ttlSeconds,
      iat,
      sub: user.uuid,
      name: user.name,
      email: user.email,
      project_id: projectId,
    });
  }

  private sign(claims: Record<string, unknown>): string {
    const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
    const signature = createHmac('sha256', this.#key).update(`${head}.${body}`).digest('base64url');
    return `${head}.${body}.${signature}`;
  }
}

/**
 * `expires_in` as the real server computes it: the seconds component of a time delta, which wraps
 * for lifetimes over a day (a 172800 s token says 86399). Clients must use `expires_at`.
 */
export function wrappedExpiresIn(ttlSeconds: number): number {
  return Math.max(0, ttlSeconds - 1) % 86_400;
}
