import { basename } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileUpload extends DciCommand<typeof ComponentFileUpload> {
  // No --name: the server names a component file by its new id.
  static override summary = 'Upload a file to a component (streamed; the server names it by its id)';
  static override args = {
    'component-id': Args.string({ description: 'component id', required: true }),
    path: Args.string({ description: 'File to upload', required: true }),
  };
  static override flags = {
    ...dciFlags,
    mime: Flags.string({ description: 'MIME type (default application/octet-stream)' }),
  };
  async run(): Promise<void> {
    const { path } = this.args;
    const dci = await this.client();
    const bar = this.progressBar(`upload ${basename(path)}`);
    const file = await dci.components
      .uploadFile(
        this.args['component-id'],
        { path },
        { mime: this.flags.mime, onProgress: (sent) => bar.update(sent) },
      )
      .finally(() => bar.stop());
    this.outputOne(file, ['id', 'name', 'mime', 'size', 'component_id']);
  }
}
