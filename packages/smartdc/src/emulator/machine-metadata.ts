import { bareRecord } from '@nimbus-sdk/core/testing';
import { invalidArgument, notFound } from './errors.js';
import { MAX_METADATA_VALUE_BYTES, requirePathSafeName } from './input-rules.js';
import type { MachineRecord } from './machine-store.js';

/** Metadata keys CloudAPI refuses to delete. */
const PROTECTED = new Set(['credentials', 'administrator_pw', 'root_authorized_keys']);
/** Input keys CloudAPI silently drops from metadata updates. */
const IGNORED = new Set(['account', 'machine', 'uuid', 'owner_uuid', 'credentials', 'image']);

/**
 * The metadata entries of an input, checked before anything is stored: addressable keys, scalar
 * values (numbers and booleans kept as their JSON text) no larger than the limit.
 */
export function checkedMetadata(input: Record<string, unknown>): [string, string][] {
  const entries: [string, string][] = [];
  for (const [key, value] of Object.entries(input)) {
    if (IGNORED.has(key) || key.endsWith('_pw')) continue;
    requirePathSafeName('metadata', key);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidArgument(`metadata ${key} must be a string, number or boolean`);
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (Buffer.byteLength(text) > MAX_METADATA_VALUE_BYTES) {
      throw invalidArgument(`metadata ${key} is larger than ${MAX_METADATA_VALUE_BYTES} bytes`);
    }
    entries.push([key, text]);
  }
  return entries;
}

/** UpdateMachineMetadata: merges the checked values; answers the whole set. */
export function updateMetadata(
  machine: MachineRecord,
  input: Record<string, unknown>,
  now: Date,
): Record<string, string> {
  const entries = checkedMetadata(input);
  const next = bareRecord(machine.metadata);
  for (const [key, value] of entries) next[key] = value;
  machine.metadata = next;
  machine.updated = now.toISOString();
  return bareRecord(next);
}

/** GetMachineMetadata: 404 "<k> is not metadata" when absent. */
export function getMetadata(machine: MachineRecord, key: string): string {
  const value = Object.hasOwn(machine.metadata, key) ? machine.metadata[key] : undefined;
  if (value === undefined) throw notFound(`${key} is not metadata`);
  return value;
}

/** DeleteMachineMetadata (one key) or DeleteAllMachineMetadata (`key` undefined). */
export function deleteMetadata(machine: MachineRecord, key: string | undefined): void {
  if (key === undefined) {
    machine.metadata = bareRecord();
    return;
  }
  if (PROTECTED.has(key)) throw invalidArgument(`${key} cannot be deleted`);
  if (!Object.hasOwn(machine.metadata, key)) throw notFound(`${key} is not metadata`);
  delete machine.metadata[key];
}
