import { type ApiError, isApiError } from '../errors/api-error.js';
import { maskSecrets } from '../errors/redact.js';
import { AbortError, NetworkError, TimeoutError } from '../errors/transport-errors.js';
import type { StopReason } from './attempt-signals.js';

/** What a failure message of one call names. */
export interface CallContext {
  method: string;
  /** The redacted request, computed on first use. */
  request: () => { method: string; url: string };
  requestId: string;
  timeoutMs: number;
  totalTimeoutMs: number | undefined;
  secrets: () => readonly string[];
}

function causeText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = cause && (typeof cause.code === 'string' ? cause.code : cause.message);
  return typeof detail === 'string' && detail ? `${error.message}: ${detail}` : error.message;
}

/** The error for a call stopped by its caller (never retried) or by a time limit. */
export function stopError(reason: StopReason, cause: unknown, call: CallContext): ApiError {
  const request = call.request();
  const common = { requestId: call.requestId, request, cause };
  const where = `(${call.method} ${request.url})`;
  if (reason === 'caller') return new AbortError(`Request aborted by the caller ${where}`, common);
  if (reason === 'deadline') {
    return new TimeoutError(`Request exceeded its total deadline of ${call.totalTimeoutMs} ms ${where}`, {
      ...common,
      retryable: false,
    });
  }
  return new TimeoutError(`Attempt timed out after ${call.timeoutMs} ms ${where}`, common);
}

/**
 * Names what went wrong in an attempt that got no HTTP answer: a stop (by which limit), an error
 * nimbus already raised (signing, a bad body), or a network failure, which alone is worth retrying
 * along with an attempt timeout.
 */
export function classifyFailure(
  error: unknown,
  reason: StopReason | undefined,
  call: CallContext,
): { error: ApiError; retryable: boolean } {
  if (reason !== undefined)
    return { error: stopError(reason, error, call), retryable: reason === 'attempt-timeout' };
  if (isApiError(error)) return { error, retryable: false };
  const request = call.request();
  const message = maskSecrets(
    `Network error: ${causeText(error)} (${call.method} ${request.url})`,
    call.secrets(),
  );
  return {
    error: new NetworkError(message, { requestId: call.requestId, request, cause: error }),
    retryable: true,
  };
}
