import * as Args from '@oclif/core/args';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectRm extends S3aasCommand<typeof ObjectRm> {
  static override summary = 'Delete bucket/key';
  static override args = { path: Args.string({ description: 'bucket/key', required: true }) };
  static override flags = { ...s3aasFlags, ...objectFlags };
  async run(): Promise<void> {
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, true);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    await objects.delete(bucket, key);
    this.printResult({ deleted: `${bucket}/${key}` });
  }
}
