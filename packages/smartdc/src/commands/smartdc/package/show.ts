import * as Args from '@oclif/core/args';
import { resolvePackage } from '../../../cli/package-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class PackageGet extends SmartdcCommand<typeof PackageGet> {
  static override aliases = ['smartdc:package:get'];
  static override summary = 'Show a package by UUID, name or short id';
  static override args = { package: Args.string({ required: true, description: 'UUID, name or short id' }) };
  static override flags = { ...smartdcFlags };

  async run(): Promise<void> {
    const client = await this.client();
    this.printResult(await resolvePackage(client, this.args.package));
  }
}
