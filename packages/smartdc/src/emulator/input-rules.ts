import { pathSegmentProblem } from '@nimbus-sdk/core/testing';
import { invalidArgument } from './errors.js';

/** Largest request body the emulator reads; larger ones get 413 RequestTooLarge. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** Largest metadata value (UTF-8 bytes); a value is stored in the VM's own config, so it is bounded. */
export const MAX_METADATA_VALUE_BYTES = 100 * 1024;

/**
 * Refuses (409 InvalidArgument) a name that will later be a URL path segment (`…/tags/<k>`,
 * `…/snapshots/<name>`) but could never be addressed there: empty, `.`, `..`, or containing `/`.
 */
export function requirePathSafeName(kind: string, name: string): void {
  const problem = pathSegmentProblem(name);
  if (problem) throw invalidArgument(`${kind} name ${JSON.stringify(name)} is invalid: it ${problem}`);
}

/** A boolean input: JSON `true`/`false`, or the strings a form or query string carries. */
export function booleanParam(name: string, value: unknown): boolean {
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  throw invalidArgument(`${name} must be a boolean (true or false), got ${JSON.stringify(value)}`);
}

/** A string input, or 409 InvalidArgument naming the parameter. */
export function stringParam(name: string, value: unknown): string {
  if (typeof value !== 'string') throw invalidArgument(`${name} must be a string`);
  return value;
}
