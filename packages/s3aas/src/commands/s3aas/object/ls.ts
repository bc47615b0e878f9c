import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectLs extends S3aasCommand<typeof ObjectLs> {
  static override summary = 'List objects of a bucket on the instance data plane';
  static override args = { path: Args.string({ description: 'bucket or bucket/prefix', required: true }) };
  static override flags = {
    ...s3aasFlags,
    ...objectFlags,
    ...listFlags,
  };
  async run(): Promise<void> {
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, false);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    const items = await this.takeList(objects.list(bucket, { prefix: key || undefined }));
    this.printList(items, { columns: ['key', 'size', 'etag', 'lastModified'] });
  }
}
