/**
 * Why `name` cannot be the name of a record addressed by one URL path segment, or `undefined` when
 * it can. `.` and `..` are collapsed by URL parsers, an empty segment disappears and a `/` splits
 * the segment, so a record named that way could be created but never addressed again.
 *
 * @example
 * pathSegmentProblem('..'); // 'is "." or ".."'
 */
export function pathSegmentProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name === '.' || name === '..') return 'is "." or ".."';
  if (name.includes('/')) return 'contains "/"';
  return undefined;
}
