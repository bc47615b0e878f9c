import { type ErrorCode, isApiError } from '../errors/api-error.js';

/** The documented exit codes of every nimbus command. */
export const ExitCode = {
  ok: 0,
  other: 1,
  usage: 2,
  auth: 3,
  notFound: 4,
  conflict: 5,
  timeout: 6,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

const BY_ERROR_CODE: Partial<Record<ErrorCode, ExitCode>> = {
  VALIDATION: ExitCode.usage,
  CONFIG: ExitCode.usage,
  // The server refused the request as malformed (a bad filter, a bad field): fix the command line.
  BAD_REQUEST: ExitCode.usage,
  AUTHENTICATION: ExitCode.auth,
  PERMISSION: ExitCode.auth,
  SIGNING: ExitCode.auth,
  NOT_FOUND: ExitCode.notFound,
  CONFLICT: ExitCode.conflict,
  PRECONDITION_FAILED: ExitCode.conflict,
  CONCURRENCY_CONFLICT: ExitCode.conflict,
  TIMEOUT: ExitCode.timeout,
  WAIT_TIMEOUT: ExitCode.timeout,
  // Not a conflict (5): nothing says someone else changed it; the caller must look before retrying.
  AMBIGUOUS_OUTCOME: ExitCode.other,
};

/**
 * The exit code for an error: nimbus errors by their `code`, oclif parse errors (which carry
 * `oclif.exit`, 2 for bad flags and arguments) by theirs, anything else 1.
 */
export function exitCodeFor(error: unknown): ExitCode {
  if (isApiError(error)) return BY_ERROR_CODE[error.code] ?? ExitCode.other;
  const oclifExit = (error as { oclif?: { exit?: unknown } } | null)?.oclif?.exit;
  if (oclifExit === ExitCode.usage) return ExitCode.usage;
  return ExitCode.other;
}
