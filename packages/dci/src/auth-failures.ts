import {
  AuthenticationError,
  isApiError,
  type SendOptions,
  type Transport,
  type TransportResponse,
} from '@nimbus-sdk/core';

/**
 * dci-control-server answers a bad, expired or malformed signature with 400 (`HmacMechanism
 * failed: ...`), not 401. Reclassifying those as {@link AuthenticationError} (status kept) lets
 * callers and the CLI treat them as the credential problems they are.
 */
export function reclassifyAuthFailures(transport: Transport): Transport {
  return {
    baseUrl: transport.baseUrl,
    auth: transport.auth,
    async send<T = unknown>(options: SendOptions): Promise<TransportResponse<T>> {
      try {
        return await transport.send<T>(options);
      } catch (error) {
        if (isApiError(error) && error.status === 400 && error.message.includes('HmacMechanism failed')) {
          throw new AuthenticationError(error.message, {
            status: 400,
            details: error.details,
            request: error.request,
            requestId: error.requestId,
            cause: error,
          });
        }
        throw error;
      }
    },
  };
}
