import * as Flags from '@oclif/core/flags';
import { definedOnly, jsonObjectFrom } from '../../../cli/json-input.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, instanceFlag } from '../../../cli/scope-flags.js';
import type { PolicyDocument } from '../../../resources/policies.js';

export default class PolicyUpdate extends S3aasCommand<typeof PolicyUpdate> {
  static override summary =
    'Change a policy (PUT with only the given fields); new content reaches every attached key';
  static override args = idArg('policy');
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    name: Flags.string({ description: 'New name' }),
    description: Flags.string({ description: 'New description' }),
    content: Flags.string({ description: 'New policy document as JSON, or @file.json' }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const content = f.content
      ? ((await jsonObjectFrom(f.content, 'content')) as unknown as PolicyDocument)
      : undefined;
    const patch = definedOnly({ name: f.name, description: f.description, content });
    this.printResult(await (await this.client()).policies.update(f.instance, this.args.id, patch));
  }
}
