import { ValidationError } from '@nimbus-sdk/core';

/** Parses `--env '{"KEY": "value"}'` (naas-python's JSON form) into string pairs. */
export function parseEnvFlag(text: string | undefined): Record<string, string> {
  if (text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError('--env must be a JSON object such as \'{"KEY": "value"}\'', [
      { path: 'env', message: 'not JSON' },
    ]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ValidationError('--env must be a JSON object of names to values', [
      { path: 'env', message: 'not an object' },
    ]);
  }
  return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
}
