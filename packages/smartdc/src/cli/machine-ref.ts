import { assertSafeKey, NotFoundError, nullPrototypeRecord, ValidationError } from '@nimbus-sdk/core';
import type { SmartdcClient } from '../client.js';
import { UUID } from '../input-checks.js';
import type { Machine } from '../types.js';

/**
 * The machine a CLI argument names, like triton: a UUID, an exact name, or a unique id prefix
 * (the 8-character short id the tables show).
 */
export async function resolveMachine(
  client: SmartdcClient,
  ref: string,
  signal?: AbortSignal,
): Promise<Machine> {
  if (UUID.test(ref)) return client.machines.get(ref, { signal });
  const byName = await client.machines.list({ name: ref }).toArray();
  if (byName.length === 1 && byName[0]) return byName[0];
  if (byName.length > 1) {
    throw new ValidationError(`"${ref}" names ${byName.length} machines; use an id`, [
      { path: 'machine', message: byName.map((m) => m.id).join(', ') },
    ]);
  }
  const matches: Machine[] = [];
  for await (const machine of client.machines.list()) if (machine.id.startsWith(ref)) matches.push(machine);
  if (matches.length === 1 && matches[0]) return matches[0];
  if (matches.length > 1) {
    throw new ValidationError(
      `"${ref}" is an ambiguous id prefix (${matches.length} machines); give more of the id`,
    );
  }
  throw new NotFoundError(`no machine with id, name or short id "${ref}"`, { status: 404 });
}

/** `key=value` CLI pairs into an object; a pair without `=` is a usage error. */
export function parsePairs(pairs: readonly string[], what: string): Record<string, string> {
  const out = nullPrototypeRecord<string>();
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ValidationError(`${what} "${pair}" must be written key=value`);
    out[assertSafeKey(pair.slice(0, at), what)] = pair.slice(at + 1);
  }
  return out;
}
