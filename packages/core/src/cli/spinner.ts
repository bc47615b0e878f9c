import type { TerminalStream } from './terminal-stream.js';
import { escapeControls } from './terminal-text.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A one-line activity indicator. All methods do nothing when the stream is not a terminal. */
export interface Spinner {
  /** Replaces the text after the label (e.g. the last seen state). */
  update(status: string): void;
  /** Clears the line and prints a final `label: outcome` line. */
  stop(outcome: string): void;
}

/**
 * Starts a spinner on `stream` (stderr by default) when it is a TTY. When output is piped or
 * redirected it writes nothing at all, so logs and `--json` consumers see no control codes.
 */
export function startSpinner(
  rawLabel: string,
  stream: TerminalStream = process.stderr,
  intervalMs = 100,
): Spinner {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const label = escapeControls(rawLabel);
  let frame = 0;
  let status = '';
  const draw = () => {
    frame = (frame + 1) % FRAMES.length;
    stream.write(`\r\x1b[2K${FRAMES[frame]} ${label}${status ? ` (${status})` : ''}`);
  };
  draw();
  const timer = setInterval(draw, intervalMs);
  timer.unref();
  return {
    update(next) {
      status = escapeControls(next);
    },
    stop(outcome) {
      clearInterval(timer);
      stream.write(`\r\x1b[2K${label}: ${escapeControls(outcome)}\n`);
    },
  };
}
