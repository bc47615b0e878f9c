import { assertHeaderSafe } from './header-value-check.js';
import type { AuthStrategy } from './types.js';

/** A token, or a function returning the current one (called once per attempt). */
export type BearerTokenSource = string | (() => string | Promise<string>);

/**
 * `Authorization: Bearer <token>`.
 *
 * @example bearer(process.env.NAAS_TOKEN) or bearer(async () => vault.read('token'))
 */
export function bearer(token: BearerTokenSource): AuthStrategy {
  if (typeof token !== 'function') assertHeaderSafe(token, 'bearer token');
  const seen = new Set<string>(typeof token === 'string' ? [token] : []);
  return {
    kind: 'bearer',
    async authorize(request) {
      const value = typeof token === 'string' ? token : await token();
      assertHeaderSafe(value, 'bearer token from the token provider');
      // Remember every provided token so loggers can mask it even after it rotates.
      if (seen.size < 64) seen.add(value);
      request.headers.set('authorization', `Bearer ${value}`);
    },
    describe: () => (typeof token === 'string' ? 'bearer (static token)' : 'bearer (token provider)'),
    secrets: () => [...seen],
  };
}
