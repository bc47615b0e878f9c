import { ApiError, type ApiErrorOptions } from '../errors/api-error.js';

/**
 * A service handed back a continuation it had already given: following it would loop forever,
 * so the walk stops. `cursor` is the repeated continuation.
 */
export class RepeatedCursorError extends ApiError {
  readonly cursor: unknown;
  constructor(cursor: unknown, pagesFetched: number, options: ApiErrorOptions = {}) {
    super(
      'SERVER',
      `Paging stopped: the service returned a continuation it had already returned after ${pagesFetched} page${pagesFetched === 1 ? '' : 's'}; following it would loop forever`,
      { details: { cursor, pagesFetched }, retryable: false, ...options },
    );
    this.cursor = cursor;
  }
}
