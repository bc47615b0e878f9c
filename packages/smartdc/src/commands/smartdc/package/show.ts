import * as Args from '@oclif/core/args';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class PackageGet extends SmartdcCommand<typeof PackageGet> {
  static override aliases = ['smartdc:package:get'];
  static override summary = 'Show a package by UUID or name';
  static override args = { package: Args.string({ required: true, description: 'UUID or name' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await client.packages.get(this.args.package));
  }
}
