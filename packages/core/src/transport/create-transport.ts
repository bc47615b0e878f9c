import { type AuthStrategy, noAuth } from '../auth/types.js';
import { type ApiError, isApiError } from '../errors/api-error.js';
import { ConfigError } from '../errors/client-errors.js';
import { errorFromResponse } from '../errors/from-response.js';
import type { HttpError } from '../errors/http-errors.js';
import { maskSecrets, redactUrl, redactValue } from '../errors/redact.js';
import { AmbiguousOutcomeError } from '../errors/workflow-errors.js';
import { sleep } from '../waiters/sleep.js';
import { CallSignals } from './attempt-signals.js';
import { type CallContext, classifyFailure, stopError } from './call-failures.js';
import { DEFAULT_ATTEMPT_TIMEOUT_MS } from './default-timeout.js';
import { RedactingLog } from './redacted-logging.js';
import { prepareBody } from './request-body.js';
import { requestHeaders } from './request-headers.js';
import { buildUrl } from './request-url.js';
import { readErrorBody, readResponseBody } from './response-body.js';
import { parseRetryAfterMs } from './retry-after.js';
import { backoffDelayMs, resolveRetryPolicy } from './retry-policy.js';
import { sendAttempt } from './send-attempt.js';
import { checkSendOptions } from './send-options-check.js';
import type { SendOptions, Transport, TransportOptions, TransportResponse } from './types.js';
import { userAgent } from './user-agent.js';

/** How one attempt ended. */
type AttemptOutcome =
  | { kind: 'response'; value: TransportResponse<unknown> }
  | {
      kind: 'status';
      error: HttpError;
      status: number;
      retryAfterMs: number | undefined;
      /** The response's headers (an auth strategy's `onRejected` may read the server's clock). */
      headers: Headers;
      /** The headers this attempt was sent with, as signed (a 401 tells auth which credentials failed). */
      sentHeaders: Headers;
    }
  | { kind: 'failure'; error: ApiError; retryable: boolean };

function positiveMs(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
    throw new ConfigError(`${name} must be a positive number of milliseconds, got ${String(value)}`);
  }
}

function checkBaseUrl(baseUrl: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(baseUrl);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) {
    throw new ConfigError(
      `baseUrl must be an absolute http(s) URL, got ${JSON.stringify(redactUrl(baseUrl))}`,
    );
  }
}

/**
 * Creates the HTTP client a provider SDK sends every call through: per-attempt signing, retries with
 * full-jitter backoff and Retry-After, per-attempt and whole-call time limits, caller aborts, typed
 * errors and redacted debug logs. Each attempt goes straight to the platform fetch: a request library
 * on top would rebuild the request, its abort controller and a clone on every call for nothing this
 * loop does not already do (ky cost a fifth of loopback throughput).
 *
 * Streamed bodies are sent once and never retried or re-sent after a 401: a consumed stream cannot be
 * replayed. Buffer the body (`{ bytes }`) when the call must survive transient failures.
 *
 * @example
 * const transport = createTransport({ baseUrl: 'https://api.example.com/v1', auth: bearer(token) });
 * const { data } = await transport.send<Job>({ method: 'GET', path: `/jobs/${id}` });
 */
export function createTransport(options: TransportOptions): Transport {
  checkBaseUrl(options.baseUrl);
  positiveMs('timeoutMs', options.timeoutMs);
  positiveMs('totalTimeoutMs', options.totalTimeoutMs);
  const policy = resolveRetryPolicy(options.retry);
  const auth: AuthStrategy = options.auth ?? noAuth;
  // Late-bound so a fetch installed on globalThis after construction (test interceptors) is used.
  const baseFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const now = options.clock ?? (() => new Date());
  const requestIdHeader = options.requestIdHeader ?? 'x-request-id';
  const agent = userAgent(options.userAgent);
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const secrets = () => auth.secrets?.() ?? [];
  const log = new RedactingLog(options.logger, secrets);

  async function send<T = unknown>(call: SendOptions): Promise<TransportResponse<T>> {
    checkSendOptions(call);
    const url = buildUrl(options.baseUrl, call.path, call.query);
    const body = prepareBody(call.body);
    const headers = requestHeaders(agent, options.headers, call, body);
    const clientRequestId = headers.get('x-request-id') ?? '';
    const method = call.method;
    // Redacting parses the URL again, so it is done only when an error or log needs it.
    let redacted: { method: string; url: string } | undefined;
    const where = () => {
      redacted ??= { method, url: maskSecrets(redactUrl(url), secrets()) };
      return redacted;
    };
    const responseType = call.responseType ?? 'json';
    const timeoutMs = call.timeoutMs ?? defaultTimeoutMs;
    const repeatable = body.replayable && (policy.methods.has(method) || call.idempotent === true);

    const context: CallContext = {
      method,
      request: where,
      requestId: clientRequestId,
      timeoutMs,
      totalTimeoutMs: options.totalTimeoutMs,
      secrets,
    };

    const attemptOnce = async (
      attempt: number,
      calls: CallSignals,
      unansweredBefore: boolean,
    ): Promise<AttemptOutcome> => {
      const signal = calls.startAttempt(timeoutMs);
      const started = log.enabled ? performance.now() : 0;
      let keepCallerLink = false;
      // Signing writes into the headers; a later attempt starts from a fresh set built the same way,
      // so the first (and usually only) attempt does not pay for a copy.
      const attemptHeaders =
        attempt === 1 ? headers : requestHeaders(agent, options.headers, call, body, clientRequestId);
      try {
        const response = await sendAttempt({
          fetch: baseFetch,
          auth,
          method,
          url,
          headers: attemptHeaders,
          timeoutMs,
          body,
          attempt,
          now,
          signal: signal.signal,
          onSigned: log.enabled
            ? (signed) =>
                log.emit(
                  { type: 'request', requestId: clientRequestId, method, url: url.href, attempt },
                  signed,
                )
            : undefined,
        });
        const status = response.status;
        const requestId = response.headers.get(requestIdHeader) ?? clientRequestId;
        if (log.enabled) {
          const durationMs = Math.round(performance.now() - started);
          log.emit(
            { type: 'response', requestId, method, url: url.href, attempt, status, durationMs },
            response.headers,
          );
        }
        // A DELETE whose earlier attempt went unanswered and now finds nothing: most likely that attempt
        // deleted it; either way what the caller asked for holds, so it is not "not found".
        const goneAfterOwnDelete =
          unansweredBefore && method === 'DELETE' && (status === 404 || status === 410);
        if (response.ok || status === 304 || call.acceptStatus?.includes(status) || goneAfterOwnDelete) {
          let data = await readResponseBody(response, responseType, method, where);
          if (responseType === 'stream' && calls.limited && data instanceof ReadableStream) {
            // The caller's signal may still abort the body; the link is dropped once it is read through,
            // so one long-lived signal used for many downloads does not collect listeners.
            keepCallerLink = true;
            data = data.pipeThrough(new TransformStream({ flush: () => calls.releaseCallerLink() }));
          }
          const etag = response.headers.get('etag') ?? undefined;
          return { kind: 'response', value: { data, status, headers: response.headers, etag, requestId } };
        }
        const errorBody = redactValue(await readErrorBody(response), secrets());
        const retryAfterMs = parseRetryAfterMs(response.headers.get('retry-after'), now());
        const answered = errorFromResponse({
          status,
          statusText: response.statusText,
          body: errorBody,
          requestId,
          retryAfterMs,
          request: where(),
          parseBody: options.parseErrorBody,
          afterUnansweredAttempt: unansweredBefore,
        });
        const error = options.classifyError?.(answered) ?? answered;
        return {
          kind: 'status',
          error,
          status,
          retryAfterMs,
          headers: response.headers,
          sentHeaders: attemptHeaders,
        };
      } catch (error) {
        return { kind: 'failure', ...classifyFailure(error, signal.stopReason(), context) };
      } finally {
        signal.dispose(keepCallerLink);
      }
    };

    if (call.signal?.aborted) throw stopError('caller', call.signal.reason, context);
    const calls = new CallSignals(call.signal, options.totalTimeoutMs);
    // The attempt loop runs inline rather than in a nested async function: one promise fewer per call.
    let lastAttempt = 0;
    try {
      let reauthorized = false;
      let recovered = false;
      let retries = 0;
      let unanswered = false;
      for (let attempt = 1; ; attempt++) {
        lastAttempt = attempt;
        const outcome = await attemptOnce(attempt, calls, unanswered);
        if (outcome.kind === 'response') return outcome.value as TransportResponse<T>;
        const lostAfterSending =
          outcome.kind === 'failure' && outcome.retryable && mayHaveBeenSent(outcome.error);
        if (lostAfterSending) unanswered = true;
        if (outcome.kind === 'status' && outcome.status === 401 && auth.onUnauthorized && body.replayable) {
          if (reauthorized) throw outcome.error;
          reauthorized = true;
          let renewed: boolean;
          try {
            renewed = await auth.onUnauthorized({
              now,
              attempt,
              signal: calls.callSignal,
              timeoutMs,
              rejectedHeaders: outcome.sentHeaders,
            });
          } catch (error) {
            const stop = calls.callStop();
            throw stop ? stopError(stop, error, context) : error;
          }
          if (renewed) continue;
          throw outcome.error;
        }
        if (outcome.kind === 'status' && auth.onRejected && body.replayable && !recovered) {
          const { error, status, headers } = outcome;
          let recover: boolean;
          try {
            recover = await auth.onRejected(
              { error, status, headers },
              { now, attempt, signal: calls.callSignal },
            );
          } catch (failure) {
            const stop = calls.callStop();
            throw stop ? stopError(stop, failure, context) : failure;
          }
          if (recover) {
            recovered = true;
            continue;
          }
        }
        const retryable =
          outcome.kind === 'status' ? policy.statusCodes.has(outcome.status) : outcome.retryable;
        if (lostAfterSending && !repeatable && !policy.methods.has(method)) {
          throw new AmbiguousOutcomeError(
            `${method} ${where().url}: the connection was lost after the request was sent, so it may have been applied (${outcome.error.message})`,
            {
              hint: call.outcomeHint ?? 'check whether it took effect before retrying',
              request: where(),
              requestId: outcome.error.requestId,
              cause: outcome.error,
            },
          );
        }
        if (!retryable || !repeatable || retries >= policy.limit) throw outcome.error;
        retries++;
        let delayMs = backoffDelayMs(retries, policy);
        if (outcome.kind === 'status' && outcome.retryAfterMs !== undefined) {
          // A server asking for a longer pause than we accept gets its error surfaced, not a long hang.
          if (outcome.retryAfterMs > policy.maxRetryAfterMs) throw outcome.error;
          delayMs = outcome.retryAfterMs;
        }
        if (log.enabled) {
          log.emit({
            type: 'retry',
            requestId: outcome.error.requestId ?? clientRequestId,
            method,
            url: url.href,
            attempt,
            status: outcome.error.status,
            delayMs,
            error: outcome.error.message,
          });
        }
        try {
          await sleep(delayMs, calls.callSignal);
        } catch (error) {
          throw stopError(calls.callStop() ?? 'caller', error, context);
        }
      }
    } catch (error) {
      if (log.enabled && isApiError(error)) {
        log.emit({
          type: 'error',
          requestId: error.requestId ?? clientRequestId,
          method,
          url: url.href,
          attempt: lastAttempt,
          status: error.status,
          error: `${error.code}: ${error.message}`,
        });
      }
      throw error;
    } finally {
      calls.dispose();
    }
  }

  return { baseUrl: options.baseUrl, auth, send };
}

/** Failures that happen before a request leaves: refused, unresolvable or unreachable. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** False only when the failure proves the request never reached the server. */
function mayHaveBeenSent(error: unknown): boolean {
  for (let cause: unknown = error; cause; cause = (cause as { cause?: unknown }).cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string' && NOT_SENT_CODES.has(code)) return false;
    // Every address tried failed to connect (happy eyeballs): nothing was sent.
    if (cause instanceof AggregateError) return cause.errors.some((inner) => mayHaveBeenSent(inner));
  }
  return true;
}
