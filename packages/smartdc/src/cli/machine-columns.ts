import type { ColumnSpec } from '@nimbus-sdk/core/cli';
import type { Image, Machine } from '../types.js';

/** What a machine table derives its `img` column from: image id → `name@version`. */
export type ImageNames = ReadonlyMap<string, string>;

/** node-triton's `triton ls` columns; `-l` shows the long set. Any field of a machine works with --columns too. */
export const MACHINE_COLUMNS = ['shortid', 'name', 'img', 'state', 'age'] as const;
export const LONG_MACHINE_COLUMNS = [
  'id',
  'name',
  'img',
  'package',
  'state',
  'flags',
  'primaryIp',
  'created',
] as const;

/** The columns that are computed rather than read from the machine. */
export const DERIVED_MACHINE_COLUMNS = ['shortid', 'img', 'age', 'flags'] as const;

/** `name@version` of every image, to show in the `img` column. */
export function imageNames(images: readonly Image[]): ImageNames {
  return new Map(images.map((image) => [image.id, `${image.name}@${image.version}`]));
}

/**
 * How long ago `created` was, in its largest whole unit as node-triton prints it: `45s`, `12m`,
 * `3h`, `5d`, `2w`, `1y`.
 */
export function age(created: string, now: number): string {
  const seconds = Math.max(0, Math.floor((now - Date.parse(created)) / 1000));
  if (Number.isNaN(seconds)) return '';
  const units: [string, number][] = [
    ['y', 365 * 86_400],
    ['w', 7 * 86_400],
    ['d', 86_400],
    ['h', 3_600],
    ['m', 60],
  ];
  for (const [unit, size] of units) if (seconds >= size) return `${Math.floor(seconds / size)}${unit}`;
  return `${seconds}s`;
}

/**
 * One letter per notable setting: `F` cloud firewall enabled, `P` deletion protection on,
 * `K` a hardware VM (kvm or bhyve), so a short table still shows them.
 */
export function machineFlags(machine: Machine): string {
  return [
    machine.firewall_enabled ? 'F' : '',
    machine.deletion_protection ? 'P' : '',
    machine.brand === 'kvm' || machine.brand === 'bhyve' ? 'K' : '',
  ].join('');
}

/** Every derived column as a table column spec; plain field names need none. */
export function derivedMachineColumns(images: ImageNames, now: number): ColumnSpec<Machine>[] {
  return [
    { key: 'shortid', get: (m) => m.id.slice(0, 8) },
    { key: 'img', get: (m) => images.get(m.image) ?? m.image.slice(0, 8) },
    { key: 'age', get: (m) => age(m.created, now) },
    { key: 'flags', get: machineFlags },
  ];
}

/**
 * The columns of a machine table: the default (or `-l` long) set, or with `--columns` every
 * derived column so any of them can be asked for by name.
 */
export function machineTableColumns(
  options: { long: boolean; requested: boolean },
  images: ImageNames,
  now: number,
): (string | ColumnSpec<Machine>)[] {
  const derived = derivedMachineColumns(images, now);
  if (options.requested) return derived;
  const names: readonly string[] = options.long ? LONG_MACHINE_COLUMNS : MACHINE_COLUMNS;
  return names.map((name) => derived.find((column) => column.key === name) ?? name);
}
