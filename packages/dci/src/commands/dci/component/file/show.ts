import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileShow extends DciCommand<typeof ComponentFileShow> {
  static override summary = 'Show one file of a component';
  static override args = {
    'component-id': Args.string({ description: 'component id', required: true }),
    'file-id': Args.string({ description: 'component file id', required: true }),
  };
  static override flags = { ...dciFlags };
  async run(): Promise<void> {
    const dci = await this.client();
    const file = await dci.components.getFile(this.args['component-id'], this.args['file-id']);
    this.outputOne(file, ['id', 'name', 'mime', 'size', 'component_id', 'etag', 'created_at']);
  }
}
