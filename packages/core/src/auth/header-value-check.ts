import { ValidationError } from '../errors/index.js';

/**
 * Throws when `value` cannot travel in an HTTP header (empty, CR/LF, control characters). The
 * message names the field, never the value, because the value is a credential.
 */
export function assertHeaderSafe(value: unknown, field: string): asserts value is string {
  if (typeof value !== 'string' || value === '') {
    throw new ValidationError(`${field} must be a non-empty string`, [{ path: field, message: 'required' }]);
  }
  if (/[\u0000-\u001f\u007f]/.test(value)) {
    throw new ValidationError(`${field} contains a line break or control character`, [
      {
        path: field,
        message: 'remove newlines and control characters (often a trailing newline from a file)',
      },
    ]);
  }
}
