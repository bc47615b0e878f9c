import { ValidationError, type ValidationIssue } from '../errors/client-errors.js';
import { assertNoPrototypeKeys } from '../input/untrusted-json.js';

/**
 * The part of a schema {@link parseInput} uses: zod's `safeParse` (v3 and v4) and any library with
 * the same shape. Typed structurally so core needs no schema library of its own.
 */
export interface SafeParseSchema<T> {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Parses `value` with `schema`, or throws one {@link ValidationError} that names every offending
 * field, so bad input fails before any request is sent.
 *
 * @example const input = parseInput(createSchema(), raw, 'topic create input');
 */
export function parseInput<T>(schema: SafeParseSchema<T>, value: unknown, what: string): T {
  // A record schema copies keys onto an ordinary object: a `__proto__` key would set its prototype.
  assertNoPrototypeKeys(value, what);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ValidationError(`Invalid ${what}: ${summary}`, issues);
}
