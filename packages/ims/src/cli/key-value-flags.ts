import { ValidationError } from '@nimbus-sdk/core';

/** `KEY=VALUE` flag values → a map; a value without `=` is refused, naming the flag. */
export function keyValues(values: readonly string[] | undefined, flag: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const item of values ?? []) {
    const at = item.indexOf('=');
    if (at <= 0) {
      throw new ValidationError(`--${flag} takes KEY=VALUE, got ${JSON.stringify(item)}`, [
        { path: flag, message: 'expected KEY=VALUE' },
      ]);
    }
    map[item.slice(0, at)] = item.slice(at + 1);
  }
  return map;
}
