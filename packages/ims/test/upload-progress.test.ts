import { startProgressBar } from '@nimbus-sdk/core/cli';
import { describe, expect, it } from 'vitest';
import { UploadProgressDisplay } from '../src/cli/upload-progress.js';

const transfer = (bytesDone: number, bytesTotal: number) => ({
  direction: 'upload' as const,
  bucket: 'b',
  key: 'k',
  bytesDone,
  bytesTotal,
  partsDone: 0,
  partsTotal: 1,
  bytesPerSecond: 0,
  etaSeconds: undefined,
  elapsedMs: 0,
});

describe('upload progress display', () => {
  it('draws one bar for the parallel artifacts: their bytes added up against their sizes', () => {
    let screen = '';
    const stream = {
      isTTY: true,
      columns: 100,
      write: (text: string) => {
        screen += text;
        return true;
      },
    };
    const display = new UploadProgressDisplay((label, total) =>
      startProgressBar({ label, total, stream, redrawMs: 0 }),
    );
    display.update({
      phase: 'upload',
      artifact: 'rootfs',
      transfer: transfer(4 * 1024 * 1024, 8 * 1024 * 1024),
    });
    display.update({
      phase: 'upload',
      artifact: 'kernel',
      transfer: transfer(2 * 1024 * 1024, 8 * 1024 * 1024),
    });
    display.update({ phase: 'link', imageId: 'i' });
    display.stop();
    expect(screen).toContain('6.0 MiB');
    expect(screen).toContain('16.0 MiB');
  });
});
