import { bareRecord } from '@nimbus-sdk/core/testing';
import { invalidArgument, notFound } from './errors.js';
import { requirePathSafeName } from './input-rules.js';
import type { MachineRecord } from './machine-store.js';

type TagValue = string | number | boolean;

/** Checks every input tag (addressable key, scalar value) before any is applied. */
export function checkedTags(input: Record<string, unknown>): [string, TagValue][] {
  return Object.entries(input).map(([key, value]) => {
    requirePathSafeName('tag', key);
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw invalidArgument(`tag ${key} must be a string, number or boolean`);
    }
    return [key, value];
  });
}

/** AddMachineTags (merge) or ReplaceMachineTags (`replace`); answers the resulting set. */
export function setTags(
  machine: MachineRecord,
  input: Record<string, unknown>,
  replace: boolean,
): Record<string, TagValue> {
  const tags = checkedTags(input);
  const next = bareRecord<TagValue>(replace ? [] : machine.tags);
  for (const [key, value] of tags) next[key] = value;
  machine.tags = next;
  return bareRecord(next);
}

/** GetMachineTag: 404 when absent. */
export function getTag(machine: MachineRecord, key: string): TagValue {
  const value = Object.hasOwn(machine.tags, key) ? machine.tags[key] : undefined;
  if (value === undefined) throw notFound(`tag ${key} not found`);
  return value;
}

/** DeleteMachineTag (one key) or DeleteMachineTags (`key` undefined). */
export function deleteTag(machine: MachineRecord, key: string | undefined): void {
  if (key === undefined) {
    machine.tags = bareRecord();
    return;
  }
  if (!Object.hasOwn(machine.tags, key)) throw notFound(`tag ${key} not found`);
  delete machine.tags[key];
}
