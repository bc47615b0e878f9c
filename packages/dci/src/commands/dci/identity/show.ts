import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class IdentityShow extends DciCommand<typeof IdentityShow> {
  static override summary = 'Show who the credentials belong to';
  static override flags = dciFlags;
  async run(): Promise<void> {
    const dci = await this.client();
    this.outputOne(await dci.identity(), ['id', 'name', 'email']);
  }
}
