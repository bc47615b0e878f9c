import { isApiError, ServerError, type Transport } from '@nimbus-sdk/core';

/** The s3aas error body: `{"type": "<ExceptionClass>", "code": <int>, "message": "<text>"}`. */
export interface S3aasErrorBody {
  type?: string;
  code?: number;
  message?: string;
}

/**
 * Storage failures quote the failing database row, generated `root_secret` included, so their
 * message never leaves this module.
 */
const LEAKY_TYPES = new Set(['UnknownStorageException']);
const WITHHELD = 'the server hit a storage error (its message is withheld because it quotes stored secrets)';

/** Reads the error body into core's message and service code (the exception class name). */
export function parseS3aasError(body: unknown): { message?: string; serviceCode?: string } {
  if (!body || typeof body !== 'object') return {};
  const record = body as S3aasErrorBody;
  const type = typeof record.type === 'string' ? record.type : undefined;
  if (type && LEAKY_TYPES.has(type)) return { message: `${type}: ${WITHHELD}`, serviceCode: type };
  const message = typeof record.message === 'string' ? record.message : undefined;
  return { message: type && message ? `${type}: ${message}` : message, serviceCode: type };
}

/** The server's exception class of an error thrown by the SDK (`FieldPermissionError`, `RecordNotFound`, ...). */
export function s3aasErrorType(error: unknown): string | undefined {
  if (!isApiError(error)) return undefined;
  const details = error.details as S3aasErrorBody | undefined;
  return details && typeof details.type === 'string' ? details.type : undefined;
}

/**
 * Wraps a transport so a 5xx whose body may quote secrets is rethrown with that body redacted: core
 * keeps the raw body in `details`, which `--json` prints.
 */
export function redactingTransport(transport: Transport): Transport {
  return {
    baseUrl: transport.baseUrl,
    auth: transport.auth,
    async send(options) {
      try {
        return await transport.send(options);
      } catch (error) {
        const type = s3aasErrorType(error);
        if (!isApiError(error) || !type || !LEAKY_TYPES.has(type)) throw error;
        const details = error.details as S3aasErrorBody;
        throw new ServerError(error.message, {
          status: error.status ?? 500,
          requestId: error.requestId,
          request: error.request,
          retryable: false,
          details: { type, code: details.code, message: WITHHELD },
        });
      }
    },
  } as Transport;
}
