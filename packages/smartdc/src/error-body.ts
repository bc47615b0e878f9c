import { type HttpError, NotFoundError } from '@nimbus-sdk/core';

/** Reads CloudAPI's restify error envelope `{ code, message }`. */
export function parseCloudApiError(body: unknown): { message?: string; serviceCode?: string } {
  if (!body || typeof body !== 'object') return {};
  const { code, message } = body as { code?: unknown; message?: unknown };
  let text = typeof message === 'string' && message !== '' ? message : undefined;
  // CloudAPI's skew answer does not say whose clock is off; the usual culprit is the client's.
  if (text && code === 'InvalidHeader' && /clock skew/i.test(text)) {
    text = `${text} (this computer's clock differs from CloudAPI's by more than 300 s: sync it, e.g. with NTP)`;
  }
  return {
    ...(text === undefined ? {} : { message: text }),
    ...(typeof code === 'string' ? { serviceCode: code } : {}),
  };
}

/**
 * CloudAPI answers a CreateMachine whose package or image it does not know with 409
 * InvalidArgument ("<x> is not a valid package"). That is a name matching nothing, so it is typed
 * as {@link NotFoundError} (status kept), like the client-side image lookup; other 409s stay
 * conflicts.
 */
export function classifyCloudApiError(error: HttpError): HttpError {
  const details = error.details as { code?: unknown; message?: unknown } | undefined;
  const refusedName =
    error.status === 409 &&
    details?.code === 'InvalidArgument' &&
    typeof details.message === 'string' &&
    /^\S+ is not a valid (package|image)$/.test(details.message);
  if (!refusedName) return error;
  return new NotFoundError(error.message, {
    status: 409,
    details: error.details,
    request: error.request,
    requestId: error.requestId,
    cause: error,
  });
}
