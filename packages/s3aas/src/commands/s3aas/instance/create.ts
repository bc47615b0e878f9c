import { ValidationError } from '@nimbus-sdk/core';
import { waitFlags } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../../cli/s3aas-command.js';
import type { S3aasClient } from '../../../client.js';

export default class InstanceCreate extends S3aasCommand<typeof InstanceCreate> {
  static override summary =
    'Create an instance; with --bucket-name, wait for ACTIVE and create that bucket too';
  static override flags = {
    ...s3aasFlags,
    ...waitFlags,
    name: Flags.string({ description: 'Instance name', required: true }),
    description: Flags.string({ description: 'Free text' }),
    cpu: Flags.integer({ description: 'Cores per node (1-128)', default: 1 }),
    ram: Flags.integer({ description: 'MiB of RAM per node (>= 512)', default: 1024 }),
    'disk-size': Flags.integer({ description: 'GiB of data disk (>= 8; it can only grow)', default: 10 }),
    'nodes-number': Flags.integer({ description: 'Nodes (1 for a single_node instance)', default: 1 }),
    version: Flags.string({
      description: 'Version uuid; default the only version, or the one named rustfs_1',
    }),
    uuid: Flags.string({ description: 'Choose the instance uuid, so repeating the command is safe' }),
    'bucket-name': Flags.string({
      description: 'Create this bucket once the instance is ACTIVE (implies --wait)',
    }),
    versioning: Flags.boolean({ description: 'Versioning on the --bucket-name bucket', default: false }),
  };

  async run(): Promise<void> {
    const flags = this.flags;
    if (flags.versioning && !flags['bucket-name']) {
      throw new ValidationError('--versioning needs --bucket-name: versioning belongs to a bucket', [
        { path: 'versioning', message: 'give --bucket-name too' },
      ]);
    }
    const client = await this.client();
    const input = {
      name: flags.name,
      description: flags.description,
      cpu: flags.cpu,
      ram: flags.ram,
      disk_size: flags['disk-size'],
      nodes_number: flags['nodes-number'],
      version: flags.version ?? (await defaultVersion(client)),
      ...(flags.uuid ? { uuid: flags.uuid } : {}),
    };
    const bucketName = flags['bucket-name'];
    if (!flags.wait && !bucketName) {
      const instance = await client.instances.create(input);
      // The same JSON shape with or without --wait/--bucket-name: { instance, bucket? }.
      this.printResult(this.jsonOutput ? { instance } : instance);
      return;
    }
    const created = await this.waitWithSpinner(`Creating instance ${flags.name}`, async (control) => {
      if (bucketName) {
        return client.createInstance(
          { ...input, bucketName, versioning: flags.versioning },
          { wait: control },
        );
      }
      const instance = await client.instances.create(input);
      return { instance: (await client.waitForInstance(instance.uuid, 'ACTIVE', control)) ?? instance };
    });
    this.printResult(this.jsonOutput ? created : { ...created.instance, bucket: created.bucket?.name ?? '' });
  }
}

async function defaultVersion(client: S3aasClient): Promise<string> {
  const versions = await client.versions.list().toArray({ max: 50 });
  const chosen =
    versions.length === 1 ? versions[0] : versions.find((version) => version.name === 'rustfs_1');
  if (!chosen) {
    throw new ValidationError(
      `--version is required: there are ${versions.length} versions (${versions.map((v) => v.name).join(', ')}); see \`nimbus s3aas version list\``,
      [{ path: 'version', message: 'give a version uuid' }],
    );
  }
  return chosen.uuid;
}
