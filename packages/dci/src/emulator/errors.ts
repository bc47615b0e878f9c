import { EmulatorHttpError } from '@nimbus-sdk/core/testing';

/** The server's error envelope: `{"status_code", "message", "payload"}`. */
export function dciError(
  status: number,
  message: string,
  payload: Record<string, unknown> = {},
): EmulatorHttpError {
  return new EmulatorHttpError(status, { status_code: status, message, payload });
}

/** The 400 a JSON-schema violation gets. */
export function malformed(errors: readonly string[]): EmulatorHttpError {
  return dciError(400, 'Request malformed', { errors, error: errors[0] ?? '' });
}

/** The 401 every permission failure gets (403 is unused upstream). */
export function notAuthorized(): EmulatorHttpError {
  return dciError(401, 'Operation not authorized.');
}

/** The 404 of a missing (or archived, or stale-etag) row. */
export function notFound(resource: string): EmulatorHttpError {
  return dciError(404, `${resource} not found`);
}
