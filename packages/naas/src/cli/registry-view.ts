import type { Registry } from '../resources/registries.js';

export const registryColumns = ['name', 'user_id', 'uri'] as const;

/** The fields naas-python shows (NAME USER_ID URI); with `--json` the whole object. */
export function registryRow(registry: Registry): Record<string, unknown> {
  return { name: registry.name, user_id: registry.user_id, uri: registry.uri };
}
