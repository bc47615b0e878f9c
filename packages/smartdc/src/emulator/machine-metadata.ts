import { invalidArgument, notFound } from './errors.js';
import type { MachineRecord } from './machine-store.js';

/** Metadata keys CloudAPI refuses to delete. */
const PROTECTED = new Set(['credentials', 'administrator_pw', 'root_authorized_keys']);
/** Input keys CloudAPI silently drops from metadata updates. */
const IGNORED = new Set(['account', 'machine', 'uuid', 'owner_uuid', 'credentials', 'image']);

/** UpdateMachineMetadata: merges string values (others JSON-encoded); answers the whole set. */
export function updateMetadata(
  machine: MachineRecord,
  input: Record<string, unknown>,
  now: Date,
): Record<string, string> {
  for (const [key, value] of Object.entries(input)) {
    if (IGNORED.has(key) || key.endsWith('_pw')) continue;
    machine.metadata[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  machine.updated = now.toISOString();
  return { ...machine.metadata };
}

/** GetMachineMetadata: 404 "<k> is not metadata" when absent. */
export function getMetadata(machine: MachineRecord, key: string): string {
  const value = machine.metadata[key];
  if (value === undefined) throw notFound(`${key} is not metadata`);
  return value;
}

/** DeleteMachineMetadata (one key) or DeleteAllMachineMetadata (`key` undefined). */
export function deleteMetadata(machine: MachineRecord, key: string | undefined): void {
  if (key === undefined) {
    machine.metadata = {};
    return;
  }
  if (PROTECTED.has(key)) throw invalidArgument(`${key} cannot be deleted`);
  if (!(key in machine.metadata)) throw notFound(`${key} is not metadata`);
  delete machine.metadata[key];
}
