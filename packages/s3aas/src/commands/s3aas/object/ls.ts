import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectLs extends S3aasCommand<typeof ObjectLs> {
  static override summary = 'List objects of a bucket on the instance data plane';
  static override args = { path: Args.string({ description: 'bucket or bucket/prefix', required: true }) };
  static override flags = {
    ...s3aasFlags,
    ...objectFlags,
    limit: Flags.integer({ description: 'Objects to show', default: 1000, min: 1 }),
  };
  async run(): Promise<void> {
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, false);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    const items = await objects.list(bucket, { prefix: key || undefined }).toArray({ max: this.flags.limit });
    this.printList(items, { columns: ['key', 'size', 'etag', 'lastModified'] });
  }
}
