import { randomBytes } from 'node:crypto';
import type { Router } from '@nimbus-sdk/core/testing';
import type { DciState } from '../state.js';

const TOKEN_LIFETIME_S = 300;

/**
 * A Keycloak-shaped password grant (`/auth/realms/redhat-external/protocol/openid-connect/token`)
 * so `SSO_URL` can point at the emulator: it issues opaque bearer tokens the API then accepts.
 */
export function registerSso(router: Router, state: DciState): void {
  router.post('/auth/realms/:realm/protocol/openid-connect/token', (request) => {
    const form = new URLSearchParams(request.body.toString('utf8'));
    const username = form.get('username') ?? '';
    const user = state.rows('users').find((row) => row.sso_username === username || row.name === username);
    const valid =
      form.get('grant_type') === 'password' &&
      form.get('client_id') === 'dci' &&
      user !== undefined &&
      state.passwords.get(user.id) === form.get('password');
    if (!valid || !user) {
      return { status: 401, body: { error: 'invalid_grant', error_description: 'Invalid user credentials' } };
    }
    const token = randomBytes(24).toString('base64url');
    state.ssoTokens.set(token, {
      userId: user.id,
      expiresAt: state.clock().getTime() + TOKEN_LIFETIME_S * 1000,
    });
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S } };
  });
}
