import { type WaitCheck, type WaitOptions, watchOrPoll } from '@nimbus-sdk/core';
import type { SmartdcContext } from './context.js';
import { requireText } from './input-checks.js';
import { machineWatcher, readMachine } from './machine-watcher.js';
import type { Machine, MachineState } from './types.js';

/** What a wait ends with: the machine, or a marker when it was deleted and already purged (404). */
export type MachineWaitResult = Machine | PurgedMachine;

/**
 * What a wait for `S` resolves with: the machine itself when `S` leaves out `deleted` (a deletion
 * then fails the wait), else the machine or a {@link PurgedMachine}.
 */
export type MachineWaitResultFor<S extends MachineState> = 'deleted' extends S ? MachineWaitResult : Machine;

/** A deleted machine CloudAPI no longer knows (404 after the 410 period). */
export interface PurgedMachine {
  id: string;
  state: 'deleted';
  purged: true;
}

/** Options of the machine waiters: core's wait options, with a machine-friendly backoff cap. */
export type MachineWaitOptions = WaitOptions<MachineState>;

/** Backoff cap for machine polling: jobs take seconds to minutes, and a 5 s cap keeps the overshoot past the change small. */
const DEFAULT_MAX_DELAY_MS = 5_000;

/** A GetMachine or ListMachines reading: the machine, or `undefined` once purged (404). */
type Observation = Machine | undefined;

/**
 * Runs `check` on the machine's readings through the client's shared watcher (one ListMachines per
 * tick for all of the client's waits, one GetMachine when this is the only one), or alone with
 * core's backoff when the caller set timing options.
 */
function waitOnMachine(
  context: SmartdcContext,
  id: string,
  check: (machine: Observation) => WaitCheck<MachineState, MachineWaitResult>,
  options: MachineWaitOptions,
  defaults: { label: string; maxDelayMs: number },
): Promise<MachineWaitResult> {
  return watchOrPoll(machineWatcher(context), id, check, options, {
    read: (signal) => readMachine(context, id, signal),
    defaults,
  });
}

function checkFor(
  wanted: ReadonlySet<MachineState>,
  id: string,
  machine: Observation,
): WaitCheck<MachineState, MachineWaitResult> {
  if (machine === undefined) {
    if (wanted.has('deleted')) return { status: 'done', value: { id, state: 'deleted', purged: true } };
    return {
      status: 'failed',
      state: 'deleted',
      reason: `machine ${id} no longer exists (deleted and purged)`,
    };
  }
  if (wanted.has(machine.state)) return { status: 'done', value: machine };
  if (machine.state === 'failed')
    return { status: 'failed', state: 'failed', reason: `machine ${id} is in state failed` };
  if (machine.state === 'deleted') {
    return { status: 'failed', state: 'deleted', reason: `machine ${id} was deleted while waiting` };
  }
  return { status: 'pending', state: machine.state };
}

/**
 * Waits until machine `id` reaches one of `states`, with a deadline (default 10 min), abort and
 * progress. The client's waits share one ListMachines a second (a lone wait: one GetMachine a
 * second); with `minDelayMs`/`maxDelayMs`/`clock`/`sleep`/`random` it polls alone with backoff.
 * `failed`, or a deletion that was not asked for, ends the wait with a `WaitFailureError`;
 * waiting for `deleted` also succeeds when the machine is already gone.
 * @example await waitForMachineState(ctx, m.id, ['running'], { timeoutMs: 300_000 });
 */
export function waitForMachineState(
  context: SmartdcContext,
  id: string,
  states: MachineState | readonly MachineState[],
  options: MachineWaitOptions = {},
): Promise<MachineWaitResult> {
  requireText('waitForMachineState', 'id', id);
  const wanted = new Set<MachineState>(typeof states === 'string' ? [states] : states);
  const label = `machine ${id} to be ${[...wanted].join(' or ')}`;
  return waitOnMachine(context, id, (machine) => checkFor(wanted, id, machine), options, {
    label,
    maxDelayMs: Math.max(DEFAULT_MAX_DELAY_MS, options.minDelayMs ?? 0),
  });
}

/**
 * Waits while the machine stays in `state` (py-smartdc `poll_while`, with a deadline): resolves
 * with the machine in the first other state, failing on `failed` unless that is the state waited out.
 */
export function waitWhileMachineState(
  context: SmartdcContext,
  id: string,
  state: MachineState,
  options: MachineWaitOptions = {},
): Promise<MachineWaitResult> {
  requireText('waitWhileMachineState', 'id', id);
  return waitOnMachine(
    context,
    id,
    (machine) => {
      if (machine === undefined) {
        return state === 'deleted'
          ? { status: 'pending', state }
          : { status: 'done', value: { id, state: 'deleted', purged: true } };
      }
      if (machine.state === state) return { status: 'pending', state };
      if (machine.state === 'failed')
        return { status: 'failed', state: 'failed', reason: `machine ${id} is in state failed` };
      return { status: 'done', value: machine };
    },
    options,
    { label: `machine ${id} to leave ${state}`, maxDelayMs: DEFAULT_MAX_DELAY_MS },
  );
}
