import { ValidationError } from '../errors/client-errors.js';

/** Keys that reach an object's prototype when assigned (`Object.assign`, `obj[key] = v`, merges). */
const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Returns `key`, or throws a {@link ValidationError} naming `what` when it is `__proto__`,
 * `constructor` or `prototype`: user-supplied names (tags, settings, body fields) are data, and
 * must never address an object's prototype.
 *
 * @example out[assertSafeKey(name, '--tag')] = value;
 */
export function assertSafeKey(key: string, what: string): string {
  if (PROTOTYPE_KEYS.has(key)) {
    throw new ValidationError(`${what}: "${key}" cannot be used as a name`, [
      { path: what, message: `"${key}" is reserved` },
    ]);
  }
  return key;
}

/** An empty object without a prototype: any key set on it is plain data. */
export function nullPrototypeRecord<V = unknown>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/**
 * `JSON.parse` for text from a user or a peer (`--data '{...}'`), refusing any `__proto__`,
 * `constructor` or `prototype` key at any depth with a {@link ValidationError} naming `what`;
 * invalid JSON is a ValidationError too.
 *
 * @example const data = parseUntrustedJson(flags.data, '--data');
 */
export function parseUntrustedJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text, (key, item: unknown) => {
      assertSafeKey(key, what);
      return item;
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError(`${what} is not valid JSON: ${(error as Error).message}`, [
      { path: what, message: 'not valid JSON' },
    ]);
  }
  return value;
}

/**
 * Throws a {@link ValidationError} naming `what` and the key's path when any object inside `value`
 * has an own `__proto__`, `constructor` or `prototype` key (what `JSON.parse` makes of hostile
 * text), before a schema or a merge copies it onto an ordinary object.
 */
export function assertNoPrototypeKeys(value: unknown, what: string, seen = new Set<object>()): void {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  for (const key of Object.keys(value)) {
    assertSafeKey(key, what);
    assertNoPrototypeKeys((value as Record<string, unknown>)[key], what, seen);
  }
}
