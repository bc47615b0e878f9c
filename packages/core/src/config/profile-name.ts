import { ValidationError } from '../errors/client-errors.js';

const PROFILE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Throws a {@link ValidationError} unless `name` can name a profile (letters, digits, `_ . -`). */
export function assertProfileName(name: string): void {
  if (!PROFILE_NAME.test(name)) {
    throw new ValidationError(
      `Invalid profile name "${name}": use 1-64 letters, digits, '_', '.' or '-', starting with a letter or digit`,
      [{ path: 'name', message: 'invalid profile name' }],
    );
  }
}
