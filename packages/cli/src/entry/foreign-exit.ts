/**
 * The exit code of an oclif `ExitError` thrown by a command built with another copy of oclif (a
 * user plugin pinning its own `@oclif/core`): `instanceof` fails across copies, the shape does not.
 * `undefined` for anything else.
 */
export function exitCodeOfForeignExit(error: unknown): number | undefined {
  const candidate = error as { code?: unknown; oclif?: { exit?: unknown } } | null;
  if (candidate?.code !== 'EEXIT') return undefined;
  const exit = candidate.oclif?.exit;
  return typeof exit === 'number' ? exit : undefined;
}
