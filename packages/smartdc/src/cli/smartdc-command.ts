import { pollUntil } from '@nimbus-sdk/core';
import { NimbusCommand, profileFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import { createSmartdcClient, type SmartdcClient } from '../client.js';
import type { MachineWaitResult } from '../machine-waiters.js';
import plugin from '../nimbus-plugin.js';
import { smartdcProfileSpec } from '../profile-spec.js';
import type { Machine, MachineState } from '../types.js';

/** The settings flags every smartdc command takes: --url --account --key-id --user --key-file. */
export const smartdcFlags = profileFlags(smartdcProfileSpec, 'CLOUDAPI');

/** Base of the smartdc commands: builds the CloudAPI client from flags > env > profile. */
export abstract class SmartdcCommand<T extends typeof Command = typeof Command> extends NimbusCommand<T> {
  /** A client for the resolved settings, tracing requests with `--debug`. */
  protected async client(): Promise<SmartdcClient> {
    const settings = await this.resolveSettings(plugin);
    return createSmartdcClient({
      url: settings.url ?? '',
      account: settings.account ?? '',
      keyId: settings.keyId ?? '',
      ...(settings.user ? { user: settings.user } : {}),
      ...(settings.keyFile ? { key: settings.keyFile } : {}),
      ...(this.logger ? { logger: this.logger } : {}),
    });
  }

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
