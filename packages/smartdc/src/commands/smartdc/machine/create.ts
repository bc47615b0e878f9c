import { readUserFile, waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { parsePairs } from '../../../cli/machine-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';

export default class MachineCreate extends SmartdcCommand<typeof MachineCreate> {
  static override summary = 'Create a machine from an image and a package';
  static override description =
    'IMAGE is a UUID, name[@version], a legacy dataset URN (sdc:sdc:base64:) or an id prefix; PACKAGE a UUID or name. With --wait, ends when the machine is running (a failed provision is an error).';
  static override aliases = ['smartdc:instance:create'];
  static override examples = [
    '<%= config.bin %> smartdc machine create base64 g4-highcpu-512M --name web-1 -t role=web --wait',
  ];
  static override args = {
    image: Args.string({ required: true, description: 'image UUID, name[@version] or URN' }),
    package: Args.string({ required: true, description: 'package UUID or name' }),
  };
  static override flags = {
    ...smartdcFlags,
    ...waitFlags,
    name: Flags.string({
      char: 'n',
      description: 'Machine name (default: the first 8 characters of its id)',
    }),
    tag: Flags.string({ char: 't', description: 'Tag key=value; repeatable', multiple: true }),
    metadata: Flags.string({ char: 'm', description: 'Metadata key=value; repeatable', multiple: true }),
    script: Flags.string({ description: 'File whose content runs at every boot (metadata user-script)' }),
    network: Flags.string({ char: 'N', description: 'Network UUID; repeatable', multiple: true }),
    firewall: Flags.boolean({ description: 'Enable the cloud firewall' }),
  };

  async run(): Promise<void> {
    const tags = parsePairs(this.flags.tag ?? [], 'tag');
    const metadata = parsePairs(this.flags.metadata ?? [], 'metadata');
    const userScript =
      this.flags.script === undefined ? undefined : await readUserFile(this.flags.script, '--script');
    const client = await this.client();
    const image = await client.images.resolve(this.args.image);
    const created = await client.machines.create({
      image: image.id,
      package: this.args.package,
      ...(this.flags.name === undefined ? {} : { name: this.flags.name }),
      ...(this.flags.network === undefined ? {} : { networks: this.flags.network }),
      ...(this.flags.firewall ? { firewallEnabled: true } : {}),
      ...(userScript === undefined ? {} : { userScript }),
      tags,
      metadata,
    });
    const result = this.flags.wait ? await this.waitForMachine(client, created, ['running']) : created;
    this.printResult(result);
  }
}
