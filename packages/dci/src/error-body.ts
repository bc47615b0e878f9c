import { AuthenticationError, type HttpError } from '@nimbus-sdk/core';

/** DCI's error body is `{status_code, message, payload}`. */
export function parseDciError(body: unknown): { message?: string } {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return { message: (body as { message: string }).message };
  }
  return {};
}

/**
 * dci-control-server answers a bad, expired or malformed signature with 400 (`HmacMechanism
 * failed: ...`), not 401. Typing those as {@link AuthenticationError} (status kept) lets callers
 * and the CLI treat them as the credential problems they are.
 */
export function classifyDciError(error: HttpError): HttpError {
  if (error.status !== 400 || !error.message.includes('HmacMechanism failed')) return error;
  return new AuthenticationError(error.message, {
    status: 400,
    details: error.details,
    request: error.request,
    requestId: error.requestId,
    cause: error,
  });
}

/** The answer that tells the signing clock is more than 15 minutes off the server's. */
export function isExpiredSignature(error: { status?: number; message: string }): boolean {
  return error.status === 400 && error.message.includes('signature is expired');
}
