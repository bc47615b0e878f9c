import type { Space } from '../resources/space-types.js';

/** A space as one table row per field, containers flattened (`image`, `cpu`, ... of the first). */
export function spaceRow(space: Space): Record<string, unknown> {
  const container = space.containers?.[0];
  return {
    name: space.name,
    user_id: space.user_id,
    id: space.id,
    domain: space.domain,
    image: container?.image,
    port: container?.port,
    cpu: container?.cpu,
    memory: container?.memory,
    env: container?.env && Object.keys(container.env).length > 0 ? JSON.stringify(container.env) : '',
  };
}
