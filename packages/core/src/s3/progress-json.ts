import type { TransferProgress } from './transfer-progress.js';

/**
 * One line of `--progress json` output: a single JSON object and a newline, stable field names,
 * numbers rounded so CI logs stay short.
 *
 * @example
 * uploadFile({ ..., onProgress: (p) => process.stderr.write(formatProgressJsonLine(p)) });
 * // {"event":"progress","direction":"upload","bucket":"b","key":"k","bytesDone":8388608,...}\n
 */
export function formatProgressJsonLine(progress: TransferProgress): string {
  return `${JSON.stringify({
    event: 'progress',
    direction: progress.direction,
    bucket: progress.bucket,
    key: progress.key,
    bytesDone: progress.bytesDone,
    bytesTotal: progress.bytesTotal,
    partsDone: progress.partsDone,
    partsTotal: progress.partsTotal,
    percent:
      progress.bytesTotal === 0 ? 100 : Math.floor((progress.bytesDone * 1000) / progress.bytesTotal) / 10,
    bytesPerSecond: Math.round(progress.bytesPerSecond),
    etaSeconds: progress.etaSeconds === undefined ? null : Math.round(progress.etaSeconds * 10) / 10,
    elapsedMs: Math.round(progress.elapsedMs),
  })}\n`;
}
