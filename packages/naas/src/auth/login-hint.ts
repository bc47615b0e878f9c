import { AuthenticationError, type HttpError, isApiError } from '@nimbus-sdk/core';

/** The advice every rejected-token error carries. */
export const LOGIN_AGAIN =
  'log in again with `nimbus naas login` (or set NAAS_CREDENTIALS_JWT_TOKEN to a valid token)';

/** Rewrites a 401 into an AuthenticationError that says what to do, keeping status and body. */
export function withLoginHint<E>(error: E): E | AuthenticationError {
  if (isApiError(error) && error.status === 401 && !error.message.includes(LOGIN_AGAIN)) {
    return new AuthenticationError(`Naas rejected the token (${error.message}); ${LOGIN_AGAIN}`, {
      status: 401,
      details: error.details,
      request: error.request,
      requestId: error.requestId,
      cause: error,
    });
  }
  return error;
}

/** core's `classifyError` hook: the same rewrite for every answer of the transport. */
export const classifyNaasError = (error: HttpError): HttpError => withLoginHint(error) as HttpError;
