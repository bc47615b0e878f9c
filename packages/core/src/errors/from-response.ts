import type { ApiErrorOptions } from './api-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  HttpError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
} from './http-errors.js';

/** What a provider extracts from its own error body: the message and a service-specific code. */
export interface ParsedErrorBody {
  message?: string;
  serviceCode?: string;
}

/** Input to {@link errorFromResponse}. */
export interface ErrorResponseInfo {
  status: number;
  statusText?: string;
  body: unknown;
  requestId?: string;
  retryAfterMs?: number;
  request?: { method: string; url: string };
  /** An earlier attempt of this call was sent and never answered. */
  afterUnansweredAttempt?: boolean;
  /** Provider hook that reads its own error envelope (`{message}`, `{code, message}`, ...). */
  parseBody?: (body: unknown) => ParsedErrorBody;
}

function defaultParse(body: unknown): ParsedErrorBody {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    const message = [
      record.message,
      record.error_description,
      record.detail,
      record.error,
      record.title,
    ].find((v): v is string => typeof v === 'string' && v.length > 0);
    const serviceCode = [record.code, record.error].find((v): v is string => typeof v === 'string');
    return { message, serviceCode };
  }
  if (typeof body === 'string' && body.trim()) return { message: body.trim().slice(0, 500) };
  return {};
}

/** Maps an HTTP error answer to the matching {@link HttpError} subclass. */
export function errorFromResponse(info: ErrorResponseInfo): HttpError {
  const parsed = { ...defaultParse(info.body), ...stripUndefined(info.parseBody?.(info.body) ?? {}) };
  const summary = parsed.message ?? info.statusText ?? 'request failed';
  const where = info.request ? ` (${info.request.method} ${info.request.url})` : '';
  const message = `HTTP ${info.status}: ${summary}${where}`;
  const options: ApiErrorOptions & { status: number } = {
    status: info.status,
    requestId: info.requestId,
    details: info.body === '' ? undefined : info.body,
    request: info.request,
    afterUnansweredAttempt: info.afterUnansweredAttempt,
  };
  switch (info.status) {
    case 401:
      return new AuthenticationError(message, options);
    case 403:
      return new PermissionError(message, options);
    case 404:
    case 410:
      return new NotFoundError(message, options);
    case 409:
      return new ConflictError(message, options);
    case 412:
      return new PreconditionFailedError(message, options);
    case 413:
      return new PayloadTooLargeError(message, options);
    case 429:
      return new RateLimitedError(message, { ...options, retryAfterMs: info.retryAfterMs });
    case 408:
      return new HttpError(message, { ...options, retryable: true });
    default:
      if (info.status >= 500) return new ServerError(message, options);
      if (info.status >= 400) return new BadRequestError(message, options);
      return new HttpError(message, options);
  }
}

function stripUndefined(parsed: ParsedErrorBody): ParsedErrorBody {
  const out: ParsedErrorBody = {};
  if (parsed.message !== undefined) out.message = parsed.message;
  if (parsed.serviceCode !== undefined) out.serviceCode = parsed.serviceCode;
  return out;
}
