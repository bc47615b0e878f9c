import { ValidationError } from '@nimbus-sdk/core';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileDownload extends DciCommand<typeof ComponentFileDownload> {
  static override summary =
    'Download a component file (to <target>, or - for stdout; a file is replaced only when complete)';
  static override args = {
    'component-id': Args.string({ description: 'component id', required: true }),
    'file-id': Args.string({ description: 'component file id', required: true }),
    target: Args.string({ description: 'Where to write it (- for stdout); the same as --target' }),
  };
  // --target as on every other download command; the positional form stays for existing scripts.
  static override flags = {
    ...dciFlags,
    target: Flags.string({ description: 'Where to write it (- for stdout)' }),
  };
  async run(): Promise<void> {
    const target = this.flags.target ?? this.args.target;
    if (target === undefined || (this.flags.target !== undefined && this.args.target !== undefined)) {
      throw new ValidationError('Name where to write the file once: --target <path> (or - for stdout)', [
        { path: 'target', message: 'give --target exactly once' },
      ]);
    }
    const id = this.args['file-id'];
    const dci = await this.client();
    await dci.components.downloadFile(this.args['component-id'], id, target, {
      signal: this.interruptSignal,
    });
    // With `-` the file itself is the output; a summary would corrupt it.
    if (target !== '-') this.outputOne({ id, target }, ['id', 'target']);
  }
}
