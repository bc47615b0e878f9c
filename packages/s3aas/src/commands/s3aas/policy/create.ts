import * as Flags from '@oclif/core/flags';
import { jsonObjectFrom } from '../../../cli/json-input.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { instanceFlag } from '../../../cli/scope-flags.js';
import type { PolicyDocument } from '../../../resources/policies.js';

export default class PolicyCreate extends S3aasCommand<typeof PolicyCreate> {
  static override summary = 'Create a policy (an AWS-style policy document) on an instance';
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    name: Flags.string({ description: 'Policy name', required: true }),
    description: Flags.string({ description: 'Free text' }),
    content: Flags.string({ description: 'Policy document as JSON, or @file.json', required: true }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const content = (await jsonObjectFrom(f.content, 'content')) as unknown as PolicyDocument;
    const client = await this.client();
    this.printResult(
      await client.policies.create(f.instance, { name: f.name, description: f.description, content }),
    );
  }
}
