import type { EmulatorState, Family, Row } from './state.js';

const ROOT = '/v1/types/s3';

export const versionPathOf = (id: string) => `${ROOT}/versions/${id}`;
export const instancePathOf = (id: string) => `${ROOT}/instances/${id}`;
export const childPathOf = (instance: string, child: 'buckets' | 'policies' | 'users', id: string) =>
  `${instancePathOf(instance)}/${child}/${id}`;

/** The row a relationship path names, when it exists under the parents the path names. */
export function resolvePath(state: EmulatorState, path: string): Row | undefined {
  const version = new RegExp(`^${ROOT}/versions/([^/]+)$`).exec(path);
  if (version) return state.rows.versions.get(version[1] as string);
  const instance = new RegExp(`^${ROOT}/instances/([^/]+)$`).exec(path);
  if (instance) return state.rows.instances.get(instance[1] as string);
  const child = new RegExp(`^${ROOT}/instances/([^/]+)/(buckets|policies|users)/([^/]+)$`).exec(path);
  if (!child) return undefined;
  const row = state.rows[child[2] as Family].get(child[3] as string);
  return row && row.instance === instancePathOf(child[1] as string) ? row : undefined;
}

/** The id at the end of a path. */
export function lastId(path: unknown): string {
  return typeof path === 'string' ? path.slice(path.lastIndexOf('/') + 1) : '';
}
