import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import type { JobCreate as JobInput } from '../../../resources/jobs.js';

export default class JobCreate extends ImsCommand<typeof JobCreate> {
  static override summary = 'Start a create (from a recipe) or customize (from an image) job';
  static override flags = {
    ...imsFlags,
    'job-type': Flags.string({ description: 'job type', options: ['create', 'customize'], required: true }),
    'artifact-id': Flags.string({
      description: 'recipe id (create) or image id (customize)',
      required: true,
    }),
    'public-key-id': Flags.string({ description: 'public key for SSH access', required: true }),
    'image-root-archive-name': Flags.string({ description: 'name of the resulting image', required: true }),
    'enable-debug': Flags.boolean({ description: 'keep a debug SSH container on failure (create)' }),
    'build-env-size': Flags.integer({ description: 'build environment size in GiB (server default 60)' }),
    'kernel-file-name': Flags.string({ description: 'kernel file name (default vmlinuz / Image)' }),
    'initrd-file-name': Flags.string({ description: 'initrd file name (default initrd)' }),
  };

  async run(): Promise<void> {
    const flags = this.flags;
    const ims = await this.client();
    const input: JobInput = {
      job_type: flags['job-type'] as JobInput['job_type'],
      artifact_id: flags['artifact-id'],
      public_key_id: flags['public-key-id'],
      image_root_archive_name: flags['image-root-archive-name'],
      ...(flags['enable-debug'] ? { enable_debug: true } : {}),
      ...(flags['build-env-size'] === undefined ? {} : { build_env_size: flags['build-env-size'] }),
      ...(flags['kernel-file-name'] ? { kernel_file_name: flags['kernel-file-name'] } : {}),
      ...(flags['initrd-file-name'] ? { initrd_file_name: flags['initrd-file-name'] } : {}),
    };
    this.printResult(await ims.jobs.create(input));
  }
}
