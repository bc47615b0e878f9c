import { ValidationError } from '../errors/index.js';
import { assertHeaderSafe } from './header-value-check.js';
import type { AuthStrategy } from './types.js';

/**
 * `Authorization: Basic base64(username:password)` (UTF-8).
 *
 * @example basic('admin', process.env.DCI_PASSWORD)
 */
export function basic(username: string, password: string): AuthStrategy {
  assertHeaderSafe(username, 'username');
  assertHeaderSafe(password, 'password');
  if (username.includes(':')) {
    throw new ValidationError('username must not contain ":" (Basic auth splits on the first colon)', [
      { path: 'username', message: 'remove the colon' },
    ]);
  }
  const encoded = Buffer.from(`${username}:${password}`, 'utf8').toString('base64');
  return {
    kind: 'basic',
    authorize(request) {
      request.headers.set('authorization', `Basic ${encoded}`);
    },
    describe: () => `basic ${username}`,
    secrets: () => [password, encoded],
  };
}
