import { createWatcher, isApiError, type Watcher } from '@nimbus-sdk/core';
import type { Instance, Instances } from './resources/instances.js';

/** One instance watcher per instances resource (per client), created on its first wait. */
const watchers = new WeakMap<Instances, Watcher<Instance>>();

/**
 * The shared instance watcher: every tick, one walk of the instance list serves all pending waits;
 * a lone wait reads its instance instead. The list is not filtered by status: a wait follows its
 * instance through statuses, and a `status` IN filter would drop each instance from the list as it
 * moves, costing one get per instance. An instance the walk did not return is confirmed with one
 * get (gone after a delete, or created after the walk passed its place).
 */
export function instanceWatcher(instances: Instances): Watcher<Instance> {
  let watcher = watchers.get(instances);
  if (watcher === undefined) {
    watcher = createWatcher<Instance>({
      list: (_ids, signal) => instances.list({ signal }),
      get: (id, signal) => readInstance(instances, id, signal),
      keyOf: (instance) => instance.uuid,
      intervalMs: 1_000,
      maxIntervalMs: 15_000,
    });
    watchers.set(instances, watcher);
  }
  return watcher;
}

/** One instance, `undefined` once the server no longer knows it (404). */
export async function readInstance(
  instances: Instances,
  id: string,
  signal?: AbortSignal,
): Promise<Instance | undefined> {
  try {
    return await instances.get(id, { signal });
  } catch (error) {
    if (isApiError(error) && error.code === 'NOT_FOUND') return undefined;
    throw error;
  }
}
