import { ValidationError } from '@nimbus-sdk/core';
import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { resolveMachine } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';
import type { MachineState } from '../../../types.js';

const STATES: MachineState[] = [
  'provisioning',
  'ready',
  'running',
  'stopping',
  'stopped',
  'offline',
  'deleted',
  'failed',
  'unknown',
];

export default class MachineWait extends SmartdcCommand<typeof MachineWait> {
  static override summary = 'Wait for a machine to reach a state (default running or failed)';
  static override aliases = ['smartdc:instance:wait'];
  static override args = { machine: Args.string({ required: true, description: 'id, name or short id' }) };
  static override flags = {
    ...smartdcFlags,
    // No -s: that is every command's --sort.
    state: Flags.string({
      description: 'Target states, comma-separated',
      default: 'running,failed',
    }),
    'wait-timeout': waitFlags['wait-timeout'],
  };

  async run(): Promise<void> {
    const states = this.flags.state.split(',').map((s) => s.trim());
    const unknown = states.filter((s) => !STATES.includes(s as MachineState));
    if (unknown.length > 0) {
      throw new ValidationError(`unknown state(s) ${unknown.join(', ')}; use ${STATES.join(', ')}`);
    }
    const client = await this.client();
    const machine = await resolveMachine(client, this.args.machine);
    this.printResult(await this.waitForMachine(client, machine, states as MachineState[]));
  }
}
