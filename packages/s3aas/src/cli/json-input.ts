import { readFile } from 'node:fs/promises';
import { ValidationError } from '@nimbus-sdk/core';

/** A JSON object from a flag value: inline JSON, or `@path` to read it from a file. */
export async function jsonObjectFrom(value: string, flag: string): Promise<Record<string, unknown>> {
  const text = value.startsWith('@') ? await readFile(value.slice(1), 'utf8') : value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`--${flag} is not valid JSON: ${(error as Error).message}`, [
      { path: flag, message: 'not JSON' },
    ]);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ValidationError(`--${flag} must be a JSON object`, [{ path: flag, message: 'not an object' }]);
  }
  return parsed as Record<string, unknown>;
}

/** The flags that were given, without the `undefined` ones (the SDK sends only what changes). */
export function definedOnly<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}
