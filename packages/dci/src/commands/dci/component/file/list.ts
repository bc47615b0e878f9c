import { listFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../../cli/dci-command.js';

export default class ComponentFileList extends DciCommand<typeof ComponentFileList> {
  // The SDK's component file list takes no list options: --limit/--offset and --sort apply here.
  static override summary = "List a component's files";
  static override args = { 'component-id': Args.string({ description: 'component id', required: true }) };
  static override flags = { ...dciFlags, ...listFlags };
  async run(): Promise<void> {
    const dci = await this.client();
    const files = await dci.components.files(this.args['component-id']);
    this.output(await this.takeList(files), ['id', 'name', 'mime', 'size', 'created_at']);
  }
}
