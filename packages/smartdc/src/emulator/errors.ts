import { EmulatorHttpError } from '@nimbus-sdk/core/testing';

/** A CloudAPI error answer: restify's `{code, message}` body with the matching status. */
export function cloudApiError(status: number, code: string, message: string): EmulatorHttpError {
  return new EmulatorHttpError(status, { code, message });
}

/** 404 ResourceNotFound, CloudAPI's answer for a missing object. */
export function notFound(message: string): EmulatorHttpError {
  return cloudApiError(404, 'ResourceNotFound', message);
}

/** 409 InvalidArgument, CloudAPI's answer for a bad input value. */
export function invalidArgument(message: string): EmulatorHttpError {
  return cloudApiError(409, 'InvalidArgument', message);
}

/** 409 MissingParameter. */
export function missingParameter(message: string): EmulatorHttpError {
  return cloudApiError(409, 'MissingParameter', message);
}
