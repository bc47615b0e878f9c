import { ImsCommand, imsFlags } from '../../cli/ims-command.js';

export default class Version extends ImsCommand<typeof Version> {
  static override summary = "The IMS server's version";
  static override flags = { ...imsFlags };

  async run(): Promise<void> {
    const ims = await this.client();
    this.printResult({ version: await ims.service.version() });
  }
}
