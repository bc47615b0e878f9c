import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import {
  AbortError,
  type AuthStrategy,
  HttpError,
  isApiError,
  type Logger,
  NetworkError,
  type Query,
  type RetryOptions,
  sleep,
  TimeoutError,
} from '@nimbus-sdk/core';
import {
  backoffDelayMs,
  errorFromResponse,
  parseRetryAfterMs,
  redactUrl,
  redactValue,
  resolveRetryPolicy,
} from '@nimbus-sdk/core/transport';
import type { NaasErrorFields } from './error-body.js';

/** One GET whose parameters travel in a JSON body. */
export interface GetWithBodyRequest {
  /** Path under the API base (`/secret/`). */
  path: string;
  /** Also sent as query parameters, for servers that read them there. */
  query?: Query;
  /** The JSON body, e.g. `{"page_size": 10, "page_number": 1}`. */
  json: unknown;
  signal?: AbortSignal;
}

/** Sends a GET with a JSON body and resolves with the parsed JSON answer (`undefined` when empty). */
export type GetWithBody = <T = unknown>(request: GetWithBodyRequest) => Promise<T>;

/** Options of {@link createGetWithBody}; the same values the client gives core's transport. */
export interface GetWithBodyOptions {
  baseUrl: string;
  auth: AuthStrategy;
  timeoutMs: number;
  retry?: RetryOptions | false | undefined;
  userAgent: string;
  parseErrorBody: (body: unknown) => NaasErrorFields;
  clock?: (() => Date) | undefined;
  /** `--debug` traces, as core's transport writes them (URL redacted, no headers). */
  logger?: Logger | undefined;
}

interface RawAnswer {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  text: string;
}

/**
 * Why this exists: the Naas secret list reads `page_size`/`page_number` from the body of a GET
 * (spec §5, §12.9). WHATWG fetch (Node's undici included) refuses a body on GET by specification,
 * and core's transport refuses it too, so such a call cannot go through fetch at all. Rather than
 * bend core for one service, this seam sends exactly those calls with `node:http(s).request`, which
 * puts any body on any method, and keeps core's contracts: the same auth strategy signs each attempt,
 * the same retry policy (GET is idempotent) with Retry-After, the same typed errors from
 * `errorFromResponse` with secrets redacted. Every other call still goes through core's transport.
 */
export function createGetWithBody(options: GetWithBodyOptions): GetWithBody {
  const policy = resolveRetryPolicy(options.retry);
  const now = options.clock ?? (() => new Date());
  return async <T>(request: GetWithBodyRequest): Promise<T> => {
    const url = new URL(options.baseUrl.replace(/\/+$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) {
      if (value === undefined || value === null) continue;
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item));
    }
    const body = Buffer.from(JSON.stringify(request.json));
    const secrets = () => options.auth.secrets?.() ?? [];
    const requestId = randomUUID();
    const trace = { requestId, method: 'GET', url: redactUrl(url) };
    for (let attempt = 1; ; attempt++) {
      if (request.signal?.aborted)
        throw new AbortError('The request was aborted', { cause: request.signal.reason });
      const headers = new Headers({
        accept: 'application/json',
        'content-type': 'application/json',
        'user-agent': options.userAgent,
      });
      await options.auth.authorize(
        { method: 'GET', url, headers, body: new Uint8Array(body) },
        { now, attempt, signal: request.signal },
      );
      headers.set('x-request-id', requestId);
      options.logger?.debug({ type: 'request', ...trace, attempt });
      const started = performance.now();
      let answer: RawAnswer;
      try {
        answer = await sendOnce(url, headers, body, options.timeoutMs, request.signal);
        options.logger?.debug({
          type: 'response',
          ...trace,
          attempt,
          status: answer.status,
          durationMs: Math.round(performance.now() - started),
        });
      } catch (error) {
        options.logger?.debug({ type: 'error', ...trace, attempt, error: (error as Error).message });
        if (isApiError(error) && error.code === 'ABORTED') throw error;
        if (attempt <= policy.limit) {
          await sleep(backoffDelayMs(attempt, policy), request.signal);
          continue;
        }
        throw error;
      }
      if (answer.status < 400) {
        if (answer.text.trim() === '') return undefined as T;
        try {
          return JSON.parse(answer.text) as T;
        } catch (cause) {
          // Lenient on shape, not on syntax: a success answer that is not JSON at all is an error.
          throw new HttpError(
            `HTTP ${answer.status}: response body is not valid JSON (GET ${redactUrl(url)})`,
            {
              status: answer.status,
              request: { method: 'GET', url: redactUrl(url) },
              cause,
            },
          );
        }
      }
      const retryAfterHeader = answer.headers['retry-after'];
      const retryAfterMs = parseRetryAfterMs(
        Array.isArray(retryAfterHeader) ? retryAfterHeader[0] : retryAfterHeader,
        now(),
      );
      if (policy.statusCodes.has(answer.status) && attempt <= policy.limit) {
        if (retryAfterMs === undefined || retryAfterMs <= policy.maxRetryAfterMs) {
          await sleep(retryAfterMs ?? backoffDelayMs(attempt, policy), request.signal);
          continue;
        }
      }
      throw errorFromResponse({
        status: answer.status,
        statusText: answer.statusText,
        body: redactValue(parseErrorText(answer.text), secrets()),
        retryAfterMs,
        request: { method: 'GET', url: redactUrl(url) },
        parseBody: options.parseErrorBody,
      });
    }
  };
}

function parseErrorText(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function sendOnce(
  url: URL,
  headers: Headers,
  body: Buffer,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<RawAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const flat: Record<string, string> = { 'content-length': String(body.byteLength) };
  headers.forEach((value, key) => {
    flat[key] = value;
  });
  return new Promise<RawAnswer>((resolve, reject) => {
    const req = send(url, { method: 'GET', headers: flat, signal, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) =>
        reject(new NetworkError(`GET ${redactUrl(url)} failed: ${error.message}`, { cause: error })),
      );
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => {
      req.destroy();
      reject(new TimeoutError(`GET ${redactUrl(url)} timed out after ${timeoutMs} ms`));
    });
    req.on('error', (error) => {
      if (signal?.aborted) reject(new AbortError('The request was aborted', { cause: signal.reason }));
      else reject(new NetworkError(`GET ${redactUrl(url)} failed: ${error.message}`, { cause: error }));
    });
    req.end(body);
  });
}
