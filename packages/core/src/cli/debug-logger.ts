import { maskSecrets } from '../errors/redact.js';
import type { LogEvent, Logger } from '../transport/types.js';

/** Where `--debug` traces go; `process.stderr` by default. */
export interface DebugLoggerOptions {
  write?: (line: string) => void;
  /** Literal secret values (from the resolved profile) masked wherever they appear. */
  secrets?: () => readonly string[];
}

/**
 * A transport {@link Logger} that prints one line per request, response, retry and error to
 * stderr, so `--debug` never mixes with `--json` output on stdout. Events arrive redacted from the
 * transport; known secrets are masked once more in case a provider put one in a URL or header.
 */
export function createDebugLogger(options: DebugLoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stderr.write(line));
  return {
    debug(event: LogEvent) {
      write(`${maskSecrets(formatEvent(event), options.secrets?.() ?? [])}\n`);
    },
  };
}

function formatEvent(event: LogEvent): string {
  const parts = [`[nimbus] ${event.type}`, `#${event.attempt}`, event.method, event.url];
  if (event.status !== undefined) parts.push(String(event.status));
  if (event.durationMs !== undefined) parts.push(`${Math.round(event.durationMs)}ms`);
  if (event.delayMs !== undefined) parts.push(`retry in ${Math.round(event.delayMs)}ms`);
  if (event.error !== undefined) parts.push(`error=${JSON.stringify(event.error)}`);
  parts.push(`request-id=${event.requestId}`);
  if (event.headers && Object.keys(event.headers).length > 0)
    parts.push(`headers=${JSON.stringify(event.headers)}`);
  return parts.join(' ');
}
