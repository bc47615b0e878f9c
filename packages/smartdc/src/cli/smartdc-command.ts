import { pollUntil } from '@nimbus-sdk/core';
import { ProviderCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import type { SmartdcClient } from '../client.js';
import type { MachineWaitResult } from '../machine-waiters.js';
import smartdcProvider from '../provider.js';
import type { Machine, MachineState } from '../types.js';

/** The settings flags every smartdc command takes: -U/--url -a/--account -k/--key-id --user --key-file (node-triton's letters). */
export const smartdcFlags = profileFlags(smartdcProvider.profile, 'CLOUDAPI');

/** Base of the smartdc commands: `client()` from flags > env > profile, and the machine waits. */
export abstract class SmartdcCommand<T extends typeof Command = typeof Command> extends ProviderCommand<
  typeof smartdcProvider,
  T
> {
  protected readonly provider = smartdcProvider;

  /** Waits for a machine state behind a spinner, honouring --wait-timeout and Ctrl-C. */
  protected waitForMachine(
    client: SmartdcClient,
    machine: { id: string; name: string },
    states: readonly MachineState[],
  ): Promise<MachineWaitResult> {
    return this.waitWithSpinner(`Waiting for ${machine.name} to be ${states.join(' or ')}`, (control) =>
      client.waitForMachineState(machine.id, states, {
        signal: control.signal,
        timeoutMs: control.timeoutMs,
        onProgress: control.onProgress,
      }),
    );
  }

  /**
   * Waits for several machines behind one spinner: the client's shared watcher reads them all with
   * one ListMachines a second, so ten machines cost what one does. Fails with the first failure,
   * and stops the other waits then, so nothing keeps polling behind the error.
   */
  protected waitForMachines(
    client: SmartdcClient,
    machines: readonly { id: string; name: string }[],
    states: readonly MachineState[],
  ): Promise<MachineWaitResult[]> {
    const label = `Waiting for ${machines.length} machines to be ${states.join(' or ')}`;
    return this.waitWithSpinner(label, (control) => {
      let done = 0;
      const firstFailure = new AbortController();
      const signal = AbortSignal.any([control.signal, firstFailure.signal]);
      return Promise.all(
        machines.map(async (machine) => {
          try {
            const result = await client.waitForMachineState(machine.id, states, {
              signal,
              timeoutMs: control.timeoutMs,
            });
            done += 1;
            control.onProgress({ attempt: done, state: `${done}/${machines.length} done` });
            return result;
          } catch (error) {
            firstFailure.abort();
            throw error;
          }
        }),
      );
    });
  }

  /**
   * Waits until GetMachine shows `done` (resize, rename and firewall jobs keep the state
   * `running`, so their end shows in the machine's fields, not its state).
   */
  protected waitForMachineChange(
    client: SmartdcClient,
    machine: { id: string; name: string },
    what: string,
    done: (machine: Machine) => boolean,
  ): Promise<Machine> {
    return this.waitWithSpinner(`Waiting for ${machine.name}: ${what}`, (control) =>
      pollUntil((signal) => client.machines.get(machine.id, { signal }), done, {
        isFailed: (m) => (m.state === 'failed' || m.state === 'deleted' ? `machine is ${m.state}` : false),
        signal: control.signal,
        timeoutMs: control.timeoutMs,
        minDelayMs: 1_000,
        maxDelayMs: 5_000,
        onProgress: control.onProgress,
        label: `machine ${machine.name}: ${what}`,
      }),
    );
  }
}
