import { basename } from 'node:path';
import * as Args from '@oclif/core/args';
import * as Flags from '@oclif/core/flags';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';

export default class FileUpload extends DciCommand<typeof FileUpload> {
  static override summary = 'Upload a file to a job (streamed; application/junit files become test results)';
  static override args = { path: Args.string({ description: 'File to upload', required: true }) };
  static override flags = {
    ...dciFlags,
    'job-id': Flags.string({ description: 'Job id', exactlyOne: ['job-id', 'jobstate-id'] }),
    'jobstate-id': Flags.string({ description: 'Jobstate id (the file goes to its job)' }),
    name: Flags.string({ description: 'Name shown in DCI (default: the file name)' }),
    mime: Flags.string({ description: 'MIME type (default text/plain; application/junit for JUnit XML)' }),
  };
  async run(): Promise<void> {
    const { path } = this.args;
    const { flags } = this;
    const dci = await this.client();
    const bar = this.progressBar(`upload ${basename(path)}`);
    const file = await dci.files
      .upload({
        jobId: flags['job-id'],
        jobstateId: flags['jobstate-id'],
        name: flags.name ?? basename(path),
        mime: flags.mime,
        source: { path },
        onProgress: (sent) => bar.update(sent),
      })
      .finally(() => bar.stop());
    this.outputOne(file, ['id', 'name', 'mime', 'size', 'job_id']);
  }
}
