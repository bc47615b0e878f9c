import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import * as Args from '@oclif/core/args';
import { DciCommand, dciFlags } from '../../../cli/dci-command.js';
import { dcictlAlias } from '../../../cli/resource-commands.js';

export default class JobOutput extends DciCommand<typeof JobOutput> {
  static override aliases = dcictlAlias('job', 'output');
  static override summary = "Print a job's log: each jobstate's files in order, streamed one at a time";
  static override description =
    'Each file is preceded by a "[<status>] <file name>" line. With --json, one entry per file with its content (read whole).';
  static override args = { id: Args.string({ description: 'job id', required: true }) };
  static override flags = dciFlags;

  async run(): Promise<void> {
    const { id } = this.args;
    const dci = await this.client();
    const signal = this.interruptSignal;
    if (this.jsonOutput) {
      const parts: Record<string, unknown>[] = [];
      for await (const part of dci.jobs.output(id, { signal })) {
        const { body } = await part.content({ signal });
        parts.push({
          jobstate_id: part.jobstate.id,
          status: part.jobstate.status,
          file_id: part.file.id,
          name: part.file.name,
          content: await new Response(body).text(),
        });
      }
      this.printResult(parts);
      return;
    }
    for await (const part of dci.jobs.output(id, { signal })) {
      process.stdout.write(`[${part.jobstate.status}] ${part.file.name}\n`);
      const { body } = await part.content({ signal });
      // One file at a time, at the pace stdout takes it: a log is never held whole in memory.
      await pipeline(Readable.fromWeb(body as NodeReadableStream), process.stdout, {
        end: false,
        signal,
      });
    }
  }
}
