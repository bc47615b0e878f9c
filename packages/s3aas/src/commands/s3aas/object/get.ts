import { ValidationError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { credentialsOf, objectFlags, parseObjectPath } from '../../../cli/object-flags.js';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';

export default class ObjectGet extends S3aasCommand<typeof ObjectGet> {
  static override summary =
    'Download bucket/key to a file (--target or FILE), or to standard output with - or neither';
  static override examples = [
    '<%= config.bin %> s3aas object get photos/cat.jpg --target cat.jpg --instance <id> --access-key <k> --secret-key <s>',
    '<%= config.bin %> s3aas object get photos/notes.txt --target - ...',
  ];
  static override args = {
    path: Args.string({ description: 'bucket/key', required: true }),
    file: Args.string({ description: 'Local file to write (same as --target)' }),
  };
  static override flags = {
    ...s3aasFlags,
    ...objectFlags,
    target: Flags.string({
      description: 'Where to write it (- for stdout), as every nimbus download takes it',
    }),
  };
  async run(): Promise<void> {
    if (this.args.file !== undefined && this.flags.target !== undefined) {
      throw new ValidationError(
        `give the local file once: FILE (${this.args.file}) or --target (${this.flags.target})`,
        [{ path: 'target', message: 'given twice' }],
      );
    }
    const file = this.flags.target ?? this.args.file;
    const credentials = credentialsOf(this.flags);
    this.registerSecret(credentials.secretAccessKey);
    const { bucket, key } = parseObjectPath(this.args.path, true);
    const objects = await (await this.client()).objects(this.flags.instance, credentials);
    if (file === undefined || file === '-') {
      await objects.streamTo(bucket, key, process.stdout, { signal: this.interruptSignal });
      return;
    }
    const { size } = await objects.download(bucket, key, file, { signal: this.interruptSignal });
    this.printResult({ bucket, key, file, size });
  }
}
