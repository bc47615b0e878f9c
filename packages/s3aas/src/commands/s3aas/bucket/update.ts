import * as Flags from '@oclif/core/flags';
import { definedOnly } from '../../../cli/json-input.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { idArg, instanceFlag } from '../../../cli/scope-flags.js';
import type { RetentionMode } from '../../../resources/buckets.js';

export default class BucketUpdate extends S3aasCommand<typeof BucketUpdate> {
  static override summary =
    'Change a bucket (PUT with only the given fields; name, versioning and object lock are fixed)';
  static override args = idArg('bucket');
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    description: Flags.string({ description: 'New description' }),
    public: Flags.boolean({
      description: 'Anonymous read and list (--no-public to turn off)',
      allowNo: true,
    }),
    'quota-bytes': Flags.integer({ description: 'Hard quota in bytes (0 = none)', min: 0 }),
    'retention-mode': Flags.string({
      description: 'Default object-lock retention',
      options: ['GOVERNANCE', 'COMPLIANCE'],
    }),
    'retention-days': Flags.integer({ description: 'Default retention in days', min: 1 }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const patch = definedOnly({
      description: f.description,
      public: f.public,
      quota_bytes: f['quota-bytes'],
      default_retention_mode: f['retention-mode'] as RetentionMode | undefined,
      default_retention_days: f['retention-days'],
    });
    this.printResult(await (await this.client()).buckets.update(f.instance, this.args.id, patch));
  }
}
