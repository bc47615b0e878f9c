import { createWatcher, isApiError, type Watcher } from '@nimbus-sdk/core';
import { accountPath, type SmartdcContext } from './context.js';
import { MachinesResource } from './resources/machines.js';
import type { Machine } from './types.js';

/** One ListMachines walk a second, like node-triton's GetMachine loop, whatever the number of waits. */
const MACHINE_WATCH_INTERVAL_MS = 1_000;

/** One machine watcher per client (per context), created on its first wait. */
const watchers = new WeakMap<SmartdcContext, Watcher<Machine>>();

/**
 * The client's shared machine watcher: every tick, one walk of ListMachines (1000 a page, so one
 * request for up to 999 machines) serves all pending waits; a lone wait reads GetMachine instead.
 * The list is not filtered by state: a wait follows a machine across states, so a `state=` filter
 * drops each machine from the list once it moves and costs one GetMachine per machine (500 extra
 * requests for 500 creates), where the unfiltered page costs nothing more. A machine the walk did
 * not return (deleted and hidden, or shifted between pages while machines were created) is
 * confirmed with one GetMachine, so paging never loses one.
 */
export function machineWatcher(context: SmartdcContext): Watcher<Machine> {
  let watcher = watchers.get(context);
  if (watcher === undefined) {
    const machines = new MachinesResource(context);
    watcher = createWatcher<Machine>({
      list: (_ids, signal) => listAll(machines, signal),
      get: (id, signal) => readMachine(context, id, signal),
      keyOf: (machine) => machine.id,
      intervalMs: MACHINE_WATCH_INTERVAL_MS,
      maxIntervalMs: 5_000,
    });
    watchers.set(context, watcher);
  }
  return watcher;
}

async function* listAll(machines: MachinesResource, signal: AbortSignal): AsyncIterable<Machine> {
  for await (const page of machines.list().byPage({ signal })) yield* page.items;
}

/**
 * One GetMachine: a deleted machine answers 410 with its body (shown as `deleted`), a purged one
 * 404 (`undefined`).
 */
export async function readMachine(
  context: SmartdcContext,
  id: string,
  signal?: AbortSignal,
): Promise<Machine | undefined> {
  try {
    const response = await context.transport.send<Machine>({
      method: 'GET',
      path: accountPath(context, 'machines', { id }),
      acceptStatus: [410],
      signal,
    });
    return response.status === 410 ? { ...response.data, state: 'deleted' } : response.data;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return undefined;
    throw error;
  }
}
