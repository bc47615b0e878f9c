import {
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type OAuth2TokenIssuer,
} from '@nimbus-sdk/core/testing';

/** Where Keycloak's token endpoint sits behind the gateway. */
export const TOKEN_PATH = '/keycloak/realms/shasta/protocol/openid-connect/token';

/**
 * The gateway's check (Istio JWT authentication + OPA) in front of IMS, answered as Envoy does:
 * no token → 403 `RBAC: access denied`; an unknown token → 401 `Jwt verification fails`; an
 * expired one → 401 `Jwt is expired`. IMS itself never sees the token.
 */
export function gatewayCheck(issuer: () => OAuth2TokenIssuer): (request: EmulatorRequest) => Promise<void> {
  return async (request) => {
    const result = await issuer().verify(request);
    if (result.ok) return;
    const text = { 'content-type': 'text/plain' };
    if (result.kind === 'missing') throw new EmulatorHttpError(403, 'RBAC: access denied', text);
    const message = result.kind === 'expired' ? 'Jwt is expired' : 'Jwt verification fails';
    throw new EmulatorHttpError(401, message, {
      ...text,
      'www-authenticate': 'Bearer realm="http://cray-istio"',
    });
  };
}

/**
 * Keycloak's token endpoint for the client-credentials grant: core's issuer (Basic or form
 * credentials, 401 `invalid_client` for a bad secret) with the fields Keycloak adds to a grant.
 */
export function keycloakTokenAnswer(issuer: OAuth2TokenIssuer, request: EmulatorRequest): EmulatorResponse {
  const answer = issuer.handleTokenRequest(request);
  if (answer.status !== 200 || !answer.body || typeof answer.body !== 'object') return answer;
  return {
    ...answer,
    body: {
      ...(answer.body as object),
      refresh_expires_in: 0,
      'not-before-policy': 0,
      scope: 'profile email',
    },
  };
}
