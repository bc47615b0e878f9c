import { ValidationError } from '@nimbus-sdk/core';
import { baseFlagsCeding, waitFlags } from '@nimbus-sdk/core/cli';
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
  static override summary = 'Wait for machines to reach a state (default running or failed)';
  static override description =
    'Several machines are waited for together: one ListMachines a second serves them all. With one machine, prints it; with several, a table (a JSON array with --json).';
  static override aliases = ['smartdc:instance:wait'];
  static override examples = ['<%= config.bin %> smartdc machine wait web-1 web-2 web-3 --state running'];
  // More machines may follow the first: `machine wait ID...` like triton's `instance wait`.
  static override strict = false;
  // node-triton's `instance wait -s STATES`; --sort keeps its long name here.
  static override baseFlags = baseFlagsCeding(['s']);
  static override args = {
    machine: Args.string({ required: true, description: 'id, name or short id (one or more)' }),
  };
  static override flags = {
    ...smartdcFlags,
    state: Flags.string({
      char: 's',
      aliases: ['states'],
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
    const { argv } = await this.parse(MachineWait);
    const refs = [...new Set(argv.map(String))];
    const client = await this.client();
    const machines = [];
    for (const ref of refs) machines.push(await resolveMachine(client, ref));
    const [only] = machines;
    if (machines.length === 1 && only) {
      this.printResult(await this.waitForMachine(client, only, states as MachineState[]));
      return;
    }
    const results = await this.waitForMachines(client, machines, states as MachineState[]);
    this.printList(
      results.map((result) => ({ name: '', ...result })),
      { columns: ['id', 'name', 'state'] },
    );
  }
}
