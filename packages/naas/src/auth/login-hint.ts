import {
  AuthenticationError,
  isApiError,
  type SendOptions,
  type Transport,
  type TransportResponse,
} from '@nimbus-sdk/core';

/** The advice every rejected-token error carries. */
export const LOGIN_AGAIN =
  'log in again with `nimbus naas login` (or set NAAS_CREDENTIALS_JWT_TOKEN to a valid token)';

/** Rewrites a 401 into an AuthenticationError that says what to do, keeping status and body. */
export function withLoginHint(error: unknown): unknown {
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

/** A transport whose 401s say "log in again" (naas-python said only "Unauthorized"). */
export function loginHintTransport(transport: Transport): Transport {
  return {
    baseUrl: transport.baseUrl,
    auth: transport.auth,
    async send<T = unknown>(options: SendOptions): Promise<TransportResponse<T>> {
      try {
        return await transport.send<T>(options);
      } catch (error) {
        throw withLoginHint(error);
      }
    },
  };
}
