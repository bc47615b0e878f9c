import { waitFlags } from '@nimbus-sdk/core/cli';
import type { Command } from '@oclif/core';
import * as Args from '@oclif/core/args';
import type { SmartdcClient } from '../client.js';
import type { FirewallRule, Machine, MachineState } from '../types.js';
import { resolveMachine } from './machine-ref.js';
import { SmartdcCommand, smartdcFlags } from './smartdc-command.js';

/** What a machine action command differs in: its verb, the call, and what `--wait` waits for. */
export interface MachineActionSpec {
  /** The verb of `nimbus smartdc machine <verb>`, also aliased as `instance <verb>` like triton. */
  verb: string;
  summary: string;
  act(client: SmartdcClient, machineId: string): Promise<void>;
  /** A state to reach, or (for jobs that keep the state `running`) a field change to see. */
  waitFor: readonly MachineState[] | { what: string; done(machine: Machine): boolean };
}

/**
 * `nimbus smartdc machine <verb> <machine> [--wait]`: resolves the machine (id, name or short id),
 * runs the action, and prints the machine (after the wait with `--wait`). node-triton's
 * start/stop/reboot/enable-firewall/... are generated the same way.
 */
export function machineActionCommand(spec: MachineActionSpec): typeof Command {
  return class MachineActionCommand extends SmartdcCommand {
    static override summary = spec.summary;
    static override aliases = [`smartdc:instance:${spec.verb}`];
    static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
    static override flags = { ...smartdcFlags, ...waitFlags };

    async run(): Promise<void> {
      const { wait } = this.flags as { wait?: boolean };
      const { machine: ref } = this.args as { machine: string };
      const client = await this.client();
      const machine = await resolveMachine(client, ref);
      await spec.act(client, machine.id);
      if (!wait) {
        this.printResult(await client.machines.get(machine.id));
        return;
      }
      const target = spec.waitFor;
      this.printResult(
        'done' in target
          ? await this.waitForMachineChange(client, machine, target.what, target.done)
          : await this.waitForMachine(client, machine, target),
      );
    }
  };
}

/** `nimbus smartdc fwrule <verb> <id>`: a firewall rule call that answers the rule. */
export function firewallRuleActionCommand(
  summary: string,
  act: (client: SmartdcClient, id: string) => Promise<FirewallRule>,
): typeof Command {
  return class FirewallRuleActionCommand extends SmartdcCommand {
    static override summary = summary;
    static override args = { id: Args.string({ required: true, description: 'rule id' }) };
    static override flags = { ...smartdcFlags };

    async run(): Promise<void> {
      const { id } = this.args as { id: string };
      this.printResult(await act(await this.client(), id));
    }
  };
}
