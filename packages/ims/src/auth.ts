import { type AuthStrategy, bearer, oauth2ClientCredentials } from '@nimbus-sdk/core';

/**
 * OAuth2 client credentials against Keycloak, as the helper's `admin-client-auth` secret holds
 * them (`client-id`, `client-secret`, `endpoint`).
 */
export interface ImsClientCredentials {
  /** Keycloak token endpoint: `https://api-gw-service-nmn.local/keycloak/realms/shasta/protocol/openid-connect/token`. */
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
}

/** A bearer token obtained elsewhere (`cray auth login`), sent as is. */
export interface ImsStaticToken {
  token: string;
}

/** How an IMS client authenticates. */
export type ImsAuth = ImsClientCredentials | ImsStaticToken;

/**
 * The auth strategy for IMS: client credentials go in HTTP Basic, as the helper sends them; the
 * token is cached, renewed by re-running the grant 30 s before it expires (the helper's refresh
 * grant fails when Keycloak issues no refresh token), shared by concurrent callers, and fetched
 * once more after a 401.
 */
export function imsAuthStrategy(
  auth: ImsAuth,
  options: { caBundle?: string | Buffer; clock?: () => Date } = {},
): AuthStrategy {
  const { caBundle, clock } = options;
  if ('token' in auth) return bearer(auth.token);
  return oauth2ClientCredentials({
    tokenUrl: auth.tokenUrl,
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    clientAuth: 'basic',
    ...(caBundle === undefined ? {} : { ca: caBundle }),
    ...(clock === undefined ? {} : { clock: () => clock().getTime() }),
  });
}
