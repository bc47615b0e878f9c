import * as Args from '@oclif/core/args';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectGet extends S3aasCommand<typeof ObjectGet> {
  static override summary = 'Download bucket/key to a file, or to standard output without one';
  static override args = {
    path: Args.string({ description: 'bucket/key', required: true }),
    file: Args.string({ description: 'Local file to write (default: standard output)' }),
  };
  static override flags = { ...s3aasFlags, ...objectFlags };
  async run(): Promise<void> {
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, true);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    if (!this.args.file) {
      await objects.streamTo(bucket, key, process.stdout);
      return;
    }
    const { size } = await objects.download(bucket, key, this.args.file);
    this.printResult({ bucket, key, file: this.args.file, size });
  }
}
