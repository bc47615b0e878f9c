import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg } from '../../../cli/scope-flags.js';
import { INSTANCE_COLUMNS } from './list.js';

export default class InstanceWait extends S3aasCommand<typeof InstanceWait> {
  static override summary = 'Wait until an instance is ACTIVE (ERROR fails) or, with --for DELETED, gone';
  static override args = idArg('instance');
  static override flags = {
    ...s3aasFlags,
    'wait-timeout': waitFlags['wait-timeout'],
    for: Flags.string({ description: 'What to wait for', options: ['ACTIVE', 'DELETED'], default: 'ACTIVE' }),
  };
  async run(): Promise<void> {
    const client = await this.client();
    const target = this.flags.for as 'ACTIVE' | 'DELETED';
    const instance = await this.waitWithSpinner(
      `Waiting for instance ${this.args.id} to be ${target}`,
      (control) => client.waitForInstance(this.args.id, target, control),
    );
    this.printResult(instance ?? { uuid: this.args.id, status: 'DELETED' }, {
      columns: instance ? INSTANCE_COLUMNS : undefined,
    });
  }
}
