import { EmulatorHttpError } from '@nimbus-sdk/core/testing';

/** The shapes of the real service's error bodies, per domain (spec §3–§7). */
export const naasErrors = {
  /** Auth and FastAPI: `{"detail": "..."}`. */
  detail: (status: number, detail: string) => new EmulatorHttpError(status, { detail }),
  /** FastAPI request validation: `{"detail": [{loc, msg, type}]}`. */
  validation: (field: string, msg: string) =>
    new EmulatorHttpError(422, { detail: [{ loc: ['body', field], msg, type: 'value_error' }] }),
  /** Space: `{"code", "status", "reason", "message"}` (the client reads `message`). */
  space: (status: number, code: number, reason: string, message: string) =>
    new EmulatorHttpError(status, { code, status, reason, message }),
  /** Registry: `{"error": <RegistryError>, "error_message"}`. */
  registry: (status: number, error: number, message: string) =>
    new EmulatorHttpError(status, { error, error_message: message }),
  /** Secret: `{"error": {"error": <SecretError>, "message"}}`. */
  secret: (status: number, error: number, message: string) =>
    new EmulatorHttpError(status, { error: { error, message } }),
  /** Asset: `{"message"}`. */
  asset: (status: number, message: string) => new EmulatorHttpError(status, { message }),
};

/** The storage error body; the code key is `error` (models 1.11.2) or `code` (≥ 1.11.6). */
export function storageErrorBody(key: 'error' | 'code', code: number, message: string): unknown {
  return { error: { [key]: code, message } };
}
