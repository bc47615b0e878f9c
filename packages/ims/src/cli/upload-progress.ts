import type { ProgressBar } from '@nimbus-sdk/core/cli';
import type { UploadArtifactsProgress } from '../upload-artifacts.js';

/**
 * One progress bar for all the artifacts of an upload (they go up in parallel): the bytes done of
 * every artifact added up, against the total of the sizes seen so far.
 */
export class UploadProgressDisplay {
  private bar: ProgressBar | undefined;
  private readonly done = new Map<string, number>();
  private readonly totals = new Map<string, number>();

  constructor(private readonly start: (label: string, total?: number) => ProgressBar) {}

  update(event: UploadArtifactsProgress): void {
    if (event.phase !== 'upload') return;
    this.done.set(event.artifact, event.transfer.bytesDone);
    if (!this.totals.has(event.artifact)) {
      this.totals.set(event.artifact, event.transfer.bytesTotal);
      this.bar?.stop();
      this.bar = this.start('artifacts', sum(this.totals));
    }
    this.bar?.update(sum(this.done));
  }

  stop(): void {
    this.bar?.stop();
    this.bar = undefined;
  }
}

function sum(values: Map<string, number>): number {
  let total = 0;
  for (const value of values.values()) total += value;
  return total;
}
