/** Tokens from one successful Exordos IAM token request. */
export interface IamTokens {
  accessToken: string;
  /** Absolute expiry in ms since the epoch, from `expires_at` (or the JWT's `exp`); unknown when absent. */
  expiresAt?: number;
  refreshToken?: string;
  /** Absolute expiry of the refresh token in ms, from its JWT `exp` when readable. */
  refreshExpiresAt?: number;
  /** The project the token is scoped to (from the id_token), when IAM says. */
  projectId?: string;
  scope?: string;
}

/**
 * Reads a token answer. The expiry comes from `expires_at` (unix seconds): `expires_in` is the
 * seconds component of a time delta on the real server and wraps for lifetimes over a day.
 */
export function tokensFromAnswer(body: Record<string, unknown>): IamTokens | undefined {
  const accessToken = body.access_token;
  if (typeof accessToken !== 'string' || accessToken === '') return undefined;
  const tokens: IamTokens = { accessToken };
  const expiresAt = Number(body.expires_at);
  if (typeof body.expires_at !== 'undefined' && Number.isFinite(expiresAt) && expiresAt > 0) {
    tokens.expiresAt = expiresAt * 1000;
  } else {
    const exp = jwtExpiry(accessToken);
    if (exp !== undefined) tokens.expiresAt = exp;
  }
  if (typeof body.refresh_token === 'string' && body.refresh_token !== '') {
    tokens.refreshToken = body.refresh_token;
    const refreshExp = jwtExpiry(body.refresh_token);
    if (refreshExp !== undefined) tokens.refreshExpiresAt = refreshExp;
  }
  if (typeof body.scope === 'string') tokens.scope = body.scope;
  if (typeof body.id_token === 'string') {
    const claims = jwtClaims(body.id_token);
    if (typeof claims?.project_id === 'string') tokens.projectId = claims.project_id;
  }
  return tokens;
}

/** The `exp` claim of a JWT in ms, without verifying it (the server verifies). */
export function jwtExpiry(token: string): number | undefined {
  const exp = jwtClaims(token)?.exp;
  return typeof exp === 'number' && Number.isFinite(exp) ? exp * 1000 : undefined;
}

function jwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
