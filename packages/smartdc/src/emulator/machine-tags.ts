import { invalidArgument, notFound } from './errors.js';
import type { MachineRecord } from './machine-store.js';

type TagValue = string | number | boolean;

/** AddMachineTags (merge) or ReplaceMachineTags (`replace`); answers the resulting set. */
export function setTags(
  machine: MachineRecord,
  input: Record<string, unknown>,
  replace: boolean,
): Record<string, TagValue> {
  const next: Record<string, TagValue> = replace ? {} : { ...machine.tags };
  for (const [key, value] of Object.entries(input)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidArgument(`tag ${key} must be a string, number or boolean`);
    }
    next[key] = value;
  }
  machine.tags = next;
  return { ...next };
}

/** GetMachineTag: 404 when absent. */
export function getTag(machine: MachineRecord, key: string): TagValue {
  const value = machine.tags[key];
  if (value === undefined) throw notFound(`tag ${key} not found`);
  return value;
}

/** DeleteMachineTag (one key) or DeleteMachineTags (`key` undefined). */
export function deleteTag(machine: MachineRecord, key: string | undefined): void {
  if (key === undefined) {
    machine.tags = {};
    return;
  }
  if (!(key in machine.tags)) throw notFound(`tag ${key} not found`);
  delete machine.tags[key];
}
