import { isApiError, type WaitCheck, type WaitOptions, waitFor } from '@nimbus-sdk/core';
import { accountPath, type SmartdcContext } from './context.js';
import { requireText } from './input-checks.js';
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

type Observation = { kind: 'machine'; machine: Machine } | { kind: 'purged' };

/** One GetMachine that treats 410 (deleted, body = machine) and 404 (purged) as observations. */
async function observe(context: SmartdcContext, id: string, signal?: AbortSignal): Promise<Observation> {
  try {
    const response = await context.transport.send<Machine>({
      method: 'GET',
      path: accountPath(context, 'machines', { id }),
      acceptStatus: [410],
      signal,
    });
    const machine = response.data;
    return { kind: 'machine', machine: response.status === 410 ? { ...machine, state: 'deleted' } : machine };
  } catch (error) {
    if (isApiError(error) && error.status === 404) return { kind: 'purged' };
    throw error;
  }
}

function checkFor(
  wanted: ReadonlySet<MachineState>,
  id: string,
  observation: Observation,
): WaitCheck<MachineState, MachineWaitResult> {
  if (observation.kind === 'purged') {
    if (wanted.has('deleted')) return { status: 'done', value: { id, state: 'deleted', purged: true } };
    return {
      status: 'failed',
      state: 'deleted',
      reason: `machine ${id} no longer exists (deleted and purged)`,
    };
  }
  const { machine } = observation;
  if (wanted.has(machine.state)) return { status: 'done', value: machine };
  if (machine.state === 'failed')
    return { status: 'failed', state: 'failed', reason: `machine ${id} is in state failed` };
  if (machine.state === 'deleted') {
    return { status: 'failed', state: 'deleted', reason: `machine ${id} was deleted while waiting` };
  }
  return { status: 'pending', state: machine.state };
}

/**
 * Waits until machine `id` reaches one of `states`, with a deadline (default 10 min), abort,
 * backoff and progress. `failed`, or a deletion that was not asked for, ends the wait with a
 * `WaitFailureError`; waiting for `deleted` also succeeds when the machine is already gone.
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
  return waitFor<MachineState, MachineWaitResult>(
    async (signal) => checkFor(wanted, id, await observe(context, id, signal)),
    {
      maxDelayMs: Math.max(DEFAULT_MAX_DELAY_MS, options.minDelayMs ?? 0),
      label,
      ...options,
    },
  );
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
  return waitFor<MachineState, MachineWaitResult>(
    async (signal) => {
      const observation = await observe(context, id, signal);
      if (observation.kind === 'purged') {
        return state === 'deleted'
          ? { status: 'pending', state }
          : { status: 'done', value: { id, state: 'deleted', purged: true } };
      }
      const { machine } = observation;
      if (machine.state === state) return { status: 'pending', state };
      if (machine.state === 'failed')
        return { status: 'failed', state: 'failed', reason: `machine ${id} is in state failed` };
      return { status: 'done', value: machine };
    },
    { maxDelayMs: DEFAULT_MAX_DELAY_MS, label: `machine ${id} to leave ${state}`, ...options },
  );
}
