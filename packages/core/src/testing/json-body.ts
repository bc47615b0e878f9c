/** Limits applied by {@link parseJsonBody}. */
export interface JsonBodyLimits {
  /** Deepest allowed nesting of objects and arrays; default 512. */
  maxDepth?: number;
}

/** Why a body was refused: not JSON at all, or nested deeper than the limit. */
export class JsonBodyError extends Error {
  readonly reason: 'syntax' | 'depth';

  constructor(reason: 'syntax' | 'depth', message: string) {
    super(message);
    this.name = 'JsonBodyError';
    this.reason = reason;
  }
}

export const DEFAULT_JSON_MAX_DEPTH = 512;

/** Nesting depth of a JSON text, counted without parsing, so a hostile body is refused cheaply. */
function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
      continue;
    }
    if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      depth++;
      if (depth > maxDepth) return true;
    } else if (code === 0x7d || code === 0x5d) depth--;
  }
  return false;
}

/**
 * Objects come back without a prototype, so a `__proto__` key is an ordinary key: copying or
 * merging the result can never change what another object inherits.
 */
function withoutPrototype(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const bare: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) bare[key] = (value as Record<string, unknown>)[key];
  return bare;
}

/**
 * Parses an untrusted JSON request body for an emulator: nesting deeper than `maxDepth` is refused
 * before parsing, and every object is built with a null prototype.
 *
 * @example
 * const body = parseJsonBody(request.body, { maxDepth: 100 }); // throws JsonBodyError
 */
export function parseJsonBody(body: Uint8Array | string, limits: JsonBodyLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? DEFAULT_JSON_MAX_DEPTH;
  const text = typeof body === 'string' ? body : Buffer.from(body).toString('utf8');
  if (exceedsDepth(text, maxDepth)) {
    throw new JsonBodyError('depth', `JSON nesting is deeper than ${maxDepth} levels`);
  }
  try {
    return JSON.parse(text, withoutPrototype);
  } catch (error) {
    throw new JsonBodyError('syntax', error instanceof Error ? error.message : String(error));
  }
}

/** True for a JSON object (not an array, not null): what most request bodies must be. */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A null-prototype copy of `entries` (an object or key/value pairs), for merging untrusted keys:
 * `__proto__` becomes an own key instead of replacing the copy's prototype.
 *
 * @example
 * const tags = bareRecord<string>(machine.tags); tags[key] = value;
 */
export function bareRecord<T = unknown>(
  entries: Record<string, T> | Iterable<readonly [string, T]> = [],
): Record<string, T> {
  const out: Record<string, T> = Object.create(null);
  const pairs = Symbol.iterator in entries ? entries : Object.entries(entries);
  for (const [key, value] of pairs as Iterable<readonly [string, T]>) out[key] = value;
  return out;
}
