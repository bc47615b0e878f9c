import type { TerminalStream } from './terminal-stream.js';
import { escapeControls } from './terminal-text.js';

/** An upload/download progress bar. All methods do nothing when the stream is not a terminal. */
export interface ProgressBar {
  /** Sets the number of bytes done so far. */
  update(done: number): void;
  /** Adds `bytes` to the count (for stream `data` events). */
  tick(bytes: number): void;
  /** Draws the final state and ends the line. */
  stop(): void;
}

/** Options of {@link startProgressBar}. */
export interface ProgressBarOptions {
  label: string;
  /** Total bytes, when known; without it the bar shows bytes done only. */
  total?: number;
  stream?: TerminalStream;
  /** Minimum time between redraws, so a fast stream does not flood the terminal. */
  redrawMs?: number;
  /** Injected for tests. */
  now?: () => number;
}

/**
 * Starts a byte progress bar on stderr when it is a TTY; piped output gets nothing.
 *
 * @example
 * const bar = startProgressBar({ label: 'upload disk.img', total: size });
 * stream.on('data', (chunk) => bar.tick(chunk.length));
 * await upload; bar.stop();
 */
export function startProgressBar(options: ProgressBarOptions): ProgressBar {
  const stream = options.stream ?? process.stderr;
  if (!stream.isTTY) return { update() {}, tick() {}, stop() {} };
  const now = options.now ?? Date.now;
  const redrawMs = options.redrawMs ?? 100;
  let done = 0;
  let lastDraw = Number.NEGATIVE_INFINITY;
  const draw = (force: boolean) => {
    const at = now();
    if (!force && at - lastDraw < redrawMs) return;
    lastDraw = at;
    stream.write(`\r\x1b[2K${renderProgress(options.label, done, options.total, stream.columns ?? 80)}`);
  };
  draw(true);
  return {
    update(value) {
      done = value;
      draw(false);
    },
    tick(bytes) {
      done += bytes;
      draw(false);
    },
    stop() {
      draw(true);
      stream.write('\n');
    },
  };
}

/** The text of one progress line: `label [#####.....]  45% 4.5 MiB/10.0 MiB`. */
export function renderProgress(
  rawLabel: string,
  done: number,
  total: number | undefined,
  columns: number,
): string {
  const label = escapeControls(rawLabel);
  if (total === undefined || total <= 0) return `${label} ${formatBytes(done)}`;
  const ratio = Math.min(1, done / total);
  const tail = ` ${String(Math.floor(ratio * 100)).padStart(3)}% ${formatBytes(done)}/${formatBytes(total)}`;
  const width = Math.max(10, Math.min(40, columns - label.length - tail.length - 4));
  const filled = Math.round(ratio * width);
  return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]${tail}`;
}

/** Bytes in binary units with one decimal (`1.5 MiB`). */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
