import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import { instanceFlag } from '../../../cli/scope-flags.js';
import type { RetentionMode } from '../../../resources/buckets.js';

export default class BucketCreate extends S3aasCommand<typeof BucketCreate> {
  static override summary = 'Create a bucket on an instance';
  static override flags = {
    ...s3aasFlags,
    ...instanceFlag,
    name: Flags.string({
      description: 'S3 bucket name (3-63 lowercase letters, digits, hyphens, dots)',
      required: true,
    }),
    description: Flags.string({ description: 'Free text' }),
    versioning: Flags.boolean({ description: 'Turn versioning on (fixed at create)', default: false }),
    'object-lock': Flags.boolean({
      description: 'Turn object lock on (fixed at create; needs versioning)',
      default: false,
    }),
    public: Flags.boolean({ description: 'Anonymous read and list', default: false }),
    'quota-bytes': Flags.integer({ description: 'Hard quota in bytes (0 = none)', min: 0 }),
    'retention-mode': Flags.string({
      description: 'Default object-lock retention',
      options: ['GOVERNANCE', 'COMPLIANCE'],
    }),
    'retention-days': Flags.integer({ description: 'Default retention in days', min: 1 }),
  };
  async run(): Promise<void> {
    const f = this.flags;
    const client = await this.client();
    const bucket = await client.buckets.create(f.instance, {
      name: f.name,
      description: f.description,
      versioning_enabled: f.versioning,
      object_lock_enabled: f['object-lock'],
      public: f.public,
      quota_bytes: f['quota-bytes'],
      default_retention_mode: f['retention-mode'] as RetentionMode | undefined,
      default_retention_days: f['retention-days'],
    });
    this.printResult(bucket);
  }
}
