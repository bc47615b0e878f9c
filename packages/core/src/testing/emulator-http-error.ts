/**
 * Thrown by a route handler to answer with an error: the server writes `status`, `body` (objects as
 * JSON) and `headers`. Each emulator builds its own service's error envelope into `body`.
 *
 * @example
 * throw new EmulatorHttpError(404, { message: `job ${id} not found` });
 */
export class EmulatorHttpError extends Error {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Record<string, string>;

  constructor(status: number, body?: unknown, headers: Record<string, string> = {}) {
    super(`emulator answered HTTP ${status}`);
    this.name = 'EmulatorHttpError';
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
