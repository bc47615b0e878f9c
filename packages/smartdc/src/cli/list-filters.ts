import { assertSafeKey, nullPrototypeRecord, ValidationError } from '@nimbus-sdk/core';
import type { ImageFilters } from '../resources/images.js';
import type { MachineFilters } from '../resources/machines.js';
import type { PackageFilters } from '../resources/packages.js';

/** How one filter key's text becomes a query value, or the problem with it. */
type FilterValue = (text: string) => string | number | boolean | { problem: string };

const text: FilterValue = (value) => value;
const integer: FilterValue = (value) =>
  /^\d+$/.test(value) ? Number(value) : { problem: 'must be a whole number' };
const bool: FilterValue = (value) =>
  value === 'true' || value === 'false' ? value === 'true' : { problem: 'must be true or false' };
const oneOf =
  (...allowed: string[]): FilterValue =>
  (value) =>
    allowed.includes(value) ? value : { problem: `must be one of ${allowed.join(', ')}` };

/** ListMachines' filters, node-triton's `triton ls k=v` set (CloudAPI answers 409 for a bad one). */
const MACHINE_KEYS: Record<string, FilterValue> = {
  brand: text,
  docker: bool,
  image: text,
  memory: integer,
  name: text,
  state: oneOf('provisioning', 'stopping', 'active', 'stopped', 'running', 'unknown', 'destroyed'),
  type: oneOf('smartmachine', 'virtualmachine'),
};

/** ListImages' filters. */
const IMAGE_KEYS: Record<string, FilterValue> = {
  name: text,
  os: text,
  version: text,
  public: bool,
  state: oneOf('active', 'unactivated', 'disabled', 'creating', 'failed', 'all'),
  owner: text,
  type: text,
};

/** ListPackages' filters. */
const PACKAGE_KEYS: Record<string, FilterValue> = {
  name: text,
  memory: integer,
  disk: integer,
  swap: integer,
  lwps: integer,
  vcpus: integer,
  version: text,
  group: text,
};

function parseFilters(
  args: readonly string[],
  keys: Record<string, FilterValue>,
  what: string,
  tags: boolean,
): { values: Record<string, string | number | boolean>; tags: Record<string, string> } {
  const values = nullPrototypeRecord<string | number | boolean>();
  const tagValues = nullPrototypeRecord<string>();
  const known = [...Object.keys(keys), ...(tags ? ['tag.<key>'] : [])].join(', ');
  for (const arg of args) {
    const at = arg.indexOf('=');
    if (at <= 0) {
      throw new ValidationError(`${what} filter "${arg}" must be written key=value (e.g. name=web01)`, [
        { path: 'filter', message: `keys: ${known}` },
      ]);
    }
    const key = arg.slice(0, at);
    const value = arg.slice(at + 1);
    if (tags && key.startsWith('tag.')) {
      const tag = key.slice('tag.'.length);
      if (tag === '') throw new ValidationError(`${what} filter "${arg}": name the tag, as tag.<key>=value`);
      tagValues[assertSafeKey(tag, 'tag')] = value;
      continue;
    }
    const parse = Object.hasOwn(keys, key) ? keys[key] : undefined;
    if (!parse) {
      throw new ValidationError(`${what} filter "${key}" is not one CloudAPI knows; use one of ${known}`, [
        { path: 'filter', message: `unknown key ${key}` },
      ]);
    }
    const parsed = parse(value);
    if (typeof parsed === 'object')
      throw new ValidationError(`${what} filter ${key}=${value}: ${key} ${parsed.problem}`);
    values[key] = parsed;
  }
  return { values, tags: tagValues };
}

/**
 * `triton ls state=running tag.role=db name=web01` positional filters → ListMachines filters.
 * A filter without `=` or with a key ListMachines does not take is a usage error naming the keys.
 */
export function machineListFilters(args: readonly string[]): MachineFilters {
  const { values, tags } = parseFilters(args, MACHINE_KEYS, 'machine', true);
  return { ...values, ...(Object.keys(tags).length > 0 ? { tags } : {}) } as MachineFilters;
}

/** `image list os=linux name=ubuntu*` → ListImages filters. */
export function imageListFilters(args: readonly string[]): ImageFilters {
  return parseFilters(args, IMAGE_KEYS, 'image', false).values as ImageFilters;
}

/** `package list memory=1024` → ListPackages filters. */
export function packageListFilters(args: readonly string[]): PackageFilters {
  return parseFilters(args, PACKAGE_KEYS, 'package', false).values as PackageFilters;
}
