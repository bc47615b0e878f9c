import { assertNoPrototypeKeys, ValidationError } from '@nimbus-sdk/core';
import type { z } from 'zod';

/**
 * Parses `value` with `schema`, or throws one ValidationError naming every offending field, so bad
 * input fails before any request is sent.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  // A record schema copies keys onto an ordinary object: a `__proto__` key would set its prototype.
  assertNoPrototypeKeys(value, what);
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  throw new ValidationError(`Invalid ${what}: ${summary}`, issues);
}
