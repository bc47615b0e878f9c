import { stat } from 'node:fs/promises';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectPut extends S3aasCommand<typeof ObjectPut> {
  static override summary = 'Upload a file to bucket/key (multipart when large, checked against its MD5)';
  static override args = {
    path: Args.string({ description: 'bucket/key', required: true }),
    file: Args.string({ description: 'Local file to upload', required: true }),
  };
  static override flags = {
    ...s3aasFlags,
    ...objectFlags,
    'content-type': Flags.string({ description: 'Content-Type' }),
  };
  async run(): Promise<void> {
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, true);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    const bar = this.progressBar(`Uploading ${key}`, (await stat(this.args.file)).size);
    try {
      const result = await objects.putFile(bucket, key, this.args.file, {
        contentType: this.flags['content-type'],
        onProgress: (progress) => bar.update(progress.bytesDone),
      });
      bar.stop();
      this.printResult(result);
    } catch (error) {
      bar.stop();
      throw error;
    }
  }
}
