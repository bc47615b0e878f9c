import { listFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class ImageList extends SmartdcCommand<typeof ImageList> {
  static override summary = 'List images';
  static override flags = {
    ...smartdcFlags,
    ...listFlags,
    name: Flags.string({ description: 'Only images with this name' }),
    os: Flags.string({ description: 'Only images of this OS' }),
    all: Flags.boolean({ description: 'Include inactive images' }),
  };

  async run(): Promise<void> {
    const client = await this.client();
    const images = await client.images.list({
      ...(this.flags.name ? { name: this.flags.name } : {}),
      ...(this.flags.os ? { os: this.flags.os } : {}),
      ...(this.flags.all ? { state: 'all' as const } : {}),
    });
    this.printList(images, { columns: ['id', 'name', 'version', 'os', 'type', 'state', 'published_at'] });
  }
}
