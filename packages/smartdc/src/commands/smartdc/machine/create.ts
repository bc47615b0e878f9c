import { readUserFile, waitFlags } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { parsePairs } from '../../../cli/machine-ref.js';
import { resolveNetwork } from '../../../cli/network-ref.js';
import { resolvePackage } from '../../../cli/package-ref.js';
import { SmartdcCommand, smartdcFlags } from '../../../cli/smartdc-command.js';
import { type CreateMachineInput, createMachineBody } from '../../../resources/machines.js';

export default class MachineCreate extends SmartdcCommand<typeof MachineCreate> {
  static override summary = 'Create a machine from an image and a package';
  static override description =
    'IMAGE is a UUID, name[@version], a legacy dataset URN (sdc:sdc:base64:) or an id prefix; PACKAGE a UUID, name or short id; each -N network a UUID, name or short id. With --wait, ends when the machine is running (a failed provision is an error). --dry-run resolves and checks all of it, prints the request, and sends nothing.';
  static override aliases = ['smartdc:instance:create'];
  static override examples = [
    '<%= config.bin %> smartdc machine create base64 g4-highcpu-512M --name web-1 -t role=web --wait',
    '<%= config.bin %> smartdc instance create ubuntu-16.04 g4-highcpu-1G -N Joyent-SDC-Public --deletion-protection --dry-run',
  ];
  static override args = {
    image: Args.string({ required: true, description: 'image UUID, name[@version] or URN' }),
    package: Args.string({ required: true, description: 'package UUID, name or short id' }),
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
    network: Flags.string({
      char: 'N',
      description: 'Network UUID, name or short id; repeatable',
      multiple: true,
    }),
    firewall: Flags.boolean({ description: 'Enable the cloud firewall' }),
    'deletion-protection': Flags.boolean({
      description: 'Refuse deletion until disable-deletion-protection is run',
    }),
    'dry-run': Flags.boolean({
      description: 'Resolve and check everything, print the request, send nothing',
      exclusive: ['wait'],
    }),
  };

  async run(): Promise<void> {
    const tags = parsePairs(this.flags.tag ?? [], 'tag');
    const metadata = parsePairs(this.flags.metadata ?? [], 'metadata');
    const userScript =
      this.flags.script === undefined ? undefined : await readUserFile(this.flags.script, '--script');
    const client = await this.client();
    // Names are resolved here, like node-triton, so a typo fails before anything is created.
    const image = await client.images.resolve(this.args.image);
    const pkg = await resolvePackage(client, this.args.package);
    const networks =
      this.flags.network === undefined
        ? undefined
        : await Promise.all(this.flags.network.map(async (ref) => (await resolveNetwork(client, ref)).id));
    const input: CreateMachineInput = {
      image: image.id,
      package: pkg.id,
      ...(this.flags.name === undefined ? {} : { name: this.flags.name }),
      ...(networks === undefined ? {} : { networks }),
      ...(this.flags.firewall ? { firewallEnabled: true } : {}),
      ...(this.flags['deletion-protection'] ? { deletionProtection: true } : {}),
      ...(userScript === undefined ? {} : { userScript }),
      tags,
      metadata,
    };
    if (this.flags['dry-run']) {
      const request = createMachineBody(input);
      if (this.jsonOutput) this.printResult({ dryRun: true, request });
      else {
        process.stderr.write(
          `Dry run: would create a ${pkg.name} machine from ${image.name}@${image.version}; nothing was sent.\n`,
        );
        this.printResult(request);
      }
      return;
    }
    const created = await client.machines.create(input);
    const result = this.flags.wait ? await this.waitForMachine(client, created, ['running']) : created;
    this.printResult(result);
  }
}
