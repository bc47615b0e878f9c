import { baseFlagsCeding } from '@nimbus-sdk/core/cli';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { ImsCommand, imsFlags } from '../../../cli/ims-command.js';
import { helperTimeoutFlag } from '../../../cli/set-job-status.js';
import { UploadProgressDisplay } from '../../../cli/upload-progress.js';
import { helperUploadOutput } from '../../../upload-output.js';

// The helper's flags are repeatable and it honoured only the first; nimbus refuses a second one.
const artifactFlag = (char: 'r' | 'k' | 'i' | 'd' | 'p', description: string) =>
  Flags.string({ char, description, helpValue: '<file>' });

export default class ImageUploadArtifacts extends ImsCommand<typeof ImageUploadArtifacts> {
  static override summary =
    'Upload boot artifacts to S3 with a version 1.0 manifest and link them to a new image';
  static override description =
    "ims-python-helper's `image upload_artifacts`: the artifacts go up in parallel, the manifest to " +
    '<image_id>/manifest.json, the image is linked and the job (when given) gets the image as its ' +
    "resultant image. Any failure removes what was created. --json prints the helper's output object.";
  // The helper's -p is the boot parameters file; --profile keeps its long name here.
  static override baseFlags = baseFlagsCeding(['p']);
  static override args = {
    imageName: Args.string({ description: 'name of the new IMS image', required: true }),
    jobId: Args.string({ description: 'IMS job id (default env IMS_JOB_ID); its resultant image is set' }),
  };
  static override flags = {
    ...imsFlags,
    rootfs: artifactFlag('r', 'root filesystem (squashfs)'),
    kernel: artifactFlag('k', 'kernel'),
    initrd: artifactFlag('i', 'initrd'),
    'debug-kernel': artifactFlag('d', 'debug kernel'),
    'boot-parameters': artifactFlag('p', 'kernel parameters file'),
    arch: Flags.string({ description: 'architecture', options: ['x86_64', 'aarch64'], default: 'x86_64' }),
    'skip-existing': Flags.boolean({
      description: 'reuse a same-name image whose artifacts have the same MD5s; upload nothing',
      default: false,
    }),
    timeout: helperTimeoutFlag,
  };
  static override examples = [
    '<%= config.bin %> ims image upload-artifacts compute-img "$IMS_JOB_ID" -r image.sqsh -k vmlinuz -i initrd --json',
  ];

  async run(): Promise<void> {
    const { flags } = this;
    const jobId = this.args.jobId ?? (process.env.IMS_JOB_ID || undefined);
    const ims = await this.client();
    const display = new UploadProgressDisplay((label, total) => this.progressBar(label, total));
    const controller = new AbortController();
    const interrupt = () => controller.abort(new Error('Interrupted'));
    process.once('SIGINT', interrupt);
    try {
      const result = await ims.uploadArtifacts({
        imageName: this.args.imageName,
        ...(jobId ? { jobId } : {}),
        ...(flags.rootfs ? { rootfs: flags.rootfs } : {}),
        ...(flags.kernel ? { kernel: flags.kernel } : {}),
        ...(flags.initrd ? { initrd: flags.initrd } : {}),
        ...(flags['debug-kernel'] ? { debugKernel: flags['debug-kernel'] } : {}),
        ...(flags['boot-parameters'] ? { bootParameters: flags['boot-parameters'] } : {}),
        arch: flags.arch as 'x86_64' | 'aarch64',
        skipExisting: flags['skip-existing'],
        signal: controller.signal,
        onProgress: (event) => display.update(event),
      });
      display.stop();
      if (this.jsonOutput) {
        this.printResult(helperUploadOutput(result));
        return;
      }
      const note = result.reused ? ' (reused: its artifacts match the local files)' : '';
      process.stderr.write(`Image ${result.image.id} "${result.image.name}"${note}\n`);
      this.printList(
        [...result.artifacts, ...(result.manifest ? [result.manifest] : [])].map((entry) => ({
          type: entry.type,
          md5: entry.md5,
          path: entry.link.path,
          etag: entry.link.etag,
        })),
        { columns: ['type', 'md5', 'path', 'etag'] },
      );
    } finally {
      display.stop();
      process.off('SIGINT', interrupt);
    }
  }
}
