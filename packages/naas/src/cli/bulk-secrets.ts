import { ValidationError } from '@nimbus-sdk/core';
import type { Secret } from '../resources/secrets.js';

/**
 * Reads `--secrets`: a JSON array of `{name, value}` (or `{"secrets": [...]}`), or `NAME=value`
 * pairs separated by commas or new lines. naas-python sent the option string JSON-encoded again.
 */
export function parseBulkSecrets(text: string): Secret[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch {
      throw new ValidationError('--secrets is not valid JSON', [{ path: 'secrets', message: 'not JSON' }]);
    }
    const list = Array.isArray(parsed) ? parsed : (parsed as { secrets?: unknown }).secrets;
    if (!Array.isArray(list)) {
      throw new ValidationError('--secrets JSON must be an array of {"name", "value"}', [
        { path: 'secrets', message: 'not an array' },
      ]);
    }
    return list as Secret[];
  }
  return trimmed
    .split(/[\n,]/)
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals <= 0) {
        throw new ValidationError(`--secrets entry "${pair.slice(0, 40)}" must be NAME=value`, [
          { path: 'secrets', message: 'not NAME=value' },
        ]);
      }
      return { name: pair.slice(0, equals), value: pair.slice(equals + 1) };
    });
}
