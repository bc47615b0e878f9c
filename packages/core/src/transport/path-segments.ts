import { ValidationError } from '../errors/client-errors.js';

/** A caller-supplied value for one path segment, keyed by the parameter it came from: `{ machineId }`. */
export type NamedSegment = Readonly<Record<string, string>>;

/**
 * One caller-supplied value as a percent-encoded path segment. Refuses what URL parsing would
 * reinterpret: `.` and `..` (collapsed, so `tags/..` would address the machine itself), an empty
 * value (`tags/` addresses the whole set) and `/` (another level), naming `parameter`.
 *
 * @example pathSegment('key', 'role') // 'role'; pathSegment('key', '..') throws ValidationError
 */
export function pathSegment(parameter: string, value: unknown): string {
  const problem = segmentProblem(value);
  if (problem) {
    const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    throw new ValidationError(`${parameter} ${problem}: got ${shown}`, [
      { path: parameter, message: problem },
    ]);
  }
  return encodeURIComponent(value as string);
}

function segmentProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a string';
  if (value === '') return 'must not be empty';
  if (value === '.' || value === '..') return `must not be "${value}" (a path step, not a name)`;
  if (value.includes('/')) return 'must not contain "/"';
  return undefined;
}

/**
 * An absolute request path from literal pieces (written in code, used verbatim: `'machines'`,
 * `'/jobs'`) and named caller values (checked and encoded by {@link pathSegment}). Every provider
 * builds its paths here, so no user value can change which resource a request addresses.
 *
 * @example joinPath({ account }, 'machines', { machineId }, 'tags', { key }) // '/me/machines/<id>/tags/<key>'
 */
export function joinPath(...segments: ReadonlyArray<string | NamedSegment>): string {
  const parts: string[] = [];
  for (const segment of segments) {
    if (typeof segment === 'string') {
      const literal = segment.replace(/^\/+|\/+$/g, '');
      if (literal) parts.push(literal);
      continue;
    }
    const entries = Object.entries(segment);
    if (entries.length !== 1)
      throw new TypeError('joinPath: a named segment holds exactly one { name: value }');
    const [[parameter, value]] = entries as [[string, unknown]];
    parts.push(pathSegment(parameter, value));
  }
  return `/${parts.join('/')}`;
}
