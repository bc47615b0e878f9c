import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class ImageGet extends SmartdcCommand<typeof ImageGet> {
  static override aliases = ['smartdc:image:get'];
  static override summary = 'Show an image by UUID, name[@version], legacy URN or id prefix';
  static override args = {
    image: Args.string({ required: true, description: 'UUID, name[@version], URN or id prefix' }),
  };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await client.images.resolve(this.args.image));
  }
}
