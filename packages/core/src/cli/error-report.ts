import { type ErrorCode, isApiError } from '../errors/api-error.js';
import { maskSecrets, redactValue } from '../errors/redact.js';
import { ExitCode, exitCodeFor } from './exit-codes.js';
import { escapeControls } from './terminal-text.js';

/** The `--json` form of a failure, printed on stdout. */
export interface CliErrorJson {
  error: { code: ErrorCode | 'USAGE' | 'ERROR'; message: string; status?: number; details?: unknown };
}

/** The JSON object `--json` prints for `error`, with credentials redacted. */
export function errorJson(error: unknown, knownSecrets: readonly string[] = []): CliErrorJson {
  if (isApiError(error)) {
    const body: CliErrorJson['error'] = {
      code: error.code,
      message: maskSecrets(error.message, knownSecrets),
    };
    if (error.status !== undefined) body.status = error.status;
    if (error.details !== undefined) body.details = redactValue(error.details, knownSecrets);
    return { error: body };
  }
  const code = exitCodeFor(error) === ExitCode.usage ? 'USAGE' : 'ERROR';
  // oclif's "See more help with --help" line is advice for a person reading stderr, not data.
  const message = oneLine(messageOf(error).replace(/\n\s*See more help with --help\s*$/, ''));
  return { error: { code, message: maskSecrets(message, knownSecrets) } };
}

/** The single line printed on stderr for `error` (`Error: HTTP 404: job not found (GET ...)`). */
export function errorLine(error: unknown, knownSecrets: readonly string[] = []): string {
  // oclif parse errors append "See more help with --help" on a second line; keep it, it says what to do.
  // Messages echo server text, so control characters are made visible (the JSON form stays exact).
  return `Error: ${escapeControls(maskSecrets(oneLine(messageOf(error)), knownSecrets))}`;
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}

/**
 * The lines of a message joined by spaces: oclif puts the argument's name on the line after
 * "Missing 1 required arg:", so cutting at the first line lost what to fix.
 */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .join(' ');
}
