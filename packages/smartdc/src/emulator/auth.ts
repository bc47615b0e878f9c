import { type CloudApiKeyId, type EmulatorRequest, verifyHttpSignature } from '@nimbus-sdk/core/testing';
import { versionAtLeast } from './api-version.js';
import type { Caller } from './call-context.js';
import { cloudApiError } from './errors.js';
import { accountDisabled, type StoredKey } from './key-registry.js';
import type { SmartdcState } from './state.js';

/** CloudAPI rejects a Date more than 300 s away from its clock. */
export const MAX_CLOCK_SKEW_MS = 300_000;

const INVALID_CREDENTIALS = 'Invalid authorization credentials supplied';

/**
 * Authenticates a CloudAPI request the way lib/authorization.js + lib/auth.js do, in their order:
 * no header → 401; unparsable (either format), stale Date or unsigned Date → 400 InvalidHeader;
 * algorithm outside the allowlist, bad keyId shape, unknown login/user/key or a wrong signature →
 * 401 InvalidCredentials; a disabled principal → 403.
 */
export async function authenticate(
  request: EmulatorRequest,
  state: SmartdcState,
  version: string,
): Promise<Caller> {
  let rejection: ReturnType<typeof cloudApiError> | undefined;
  let found: StoredKey | undefined;
  const result = await verifyHttpSignature(request, {
    maxSkewMs: MAX_CLOCK_SKEW_MS,
    lookupKey: (keyId: CloudApiKeyId) => {
      // Sub-user keyIds exist from API 7.2.0 on; older versions reject their shape.
      if (keyId.user !== undefined && !versionAtLeast(version, '7.2.0')) {
        rejection = cloudApiError(
          401,
          'InvalidCredentials',
          `Invalid KeyId ${keyId.keyId} in authorization header`,
        );
        return undefined;
      }
      if (keyId.login !== state.account.login) return undefined;
      const registry = keyId.user === undefined ? state.keys : state.users.get(keyId.user)?.keys;
      found = registry?.find(keyId.key);
      return found?.publicKeyPem;
    },
  });
  if (rejection) throw rejection;
  if (result.ok && found) {
    const user = result.keyId.user;
    if (state.account.disabled || (user !== undefined && state.users.get(user)?.disabled))
      throw accountDisabled();
    return {
      login: state.account.login,
      ...(user === undefined ? {} : { user }),
      keyId: result.keyId.keyId,
      fingerprint: found.fingerprint,
    };
  }
  if (result.ok) throw cloudApiError(401, 'InvalidCredentials', INVALID_CREDENTIALS);
  switch (result.kind) {
    case 'missing':
      throw cloudApiError(401, 'InvalidCredentials', 'You must make authenticated requests to use CloudAPI');
    case 'malformed':
    case 'expired':
      throw cloudApiError(400, 'InvalidHeader', result.message);
    default:
      // unsupported-algorithm, bad-key-id, unknown-key, invalid: the verifier's message is CloudAPI's.
      throw cloudApiError(401, 'InvalidCredentials', result.message);
  }
}
