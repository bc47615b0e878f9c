import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { instanceFlag } from '../../../cli/scope-flags.js';

export default class UserCreate extends S3aasCommand<typeof UserCreate> {
  static override summary = 'Create a data-plane user on an instance';
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    name: Flags.string({ description: 'User name (cannot be changed later)', required: true }),
    description: Flags.string({ description: 'Free text' }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    this.printResult(
      await (await this.client()).users.create(f.instance, { name: f.name, description: f.description }),
    );
  }
}
