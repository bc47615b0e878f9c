import { type ApiError, isApiError, PreconditionFailedError } from '@nimbus-sdk/core';

/**
 * An update or delete was refused because the resource changed since its ETag was read. DCI answers
 * this with 404 (jobs, topics, components, remotecis, feeders, pipelines, product updates) or 409
 * (teams, users, product deletes) rather than 412; `status` keeps the server's status and `code` is
 * always `PRECONDITION_FAILED`.
 */
export class StaleEtagError extends PreconditionFailedError {
  /** The ETag the request carried. */
  readonly sentEtag: string;
  /** The resource's ETag when it was re-read, if it was. */
  readonly currentEtag: string | undefined;
  constructor(
    resource: string,
    id: string,
    sentEtag: string,
    currentEtag: string | undefined,
    cause: ApiError,
  ) {
    super(
      `${resource} ${id} was changed by someone else since it was read (ETag ${sentEtag} is stale); re-read it and retry`,
      {
        status: cause.status ?? 412,
        details: cause.details,
        request: cause.request,
        requestId: cause.requestId,
        cause,
      },
    );
    this.sentEtag = sentEtag;
    this.currentEtag = currentEtag;
  }
}

/** Statuses DCI uses for a failed If-Match, depending on the resource. */
const STALE_STATUSES = new Set([404, 409, 412]);

/** True when `error` may mean a stale ETag (to be confirmed by re-reading the resource). */
export function mayBeStaleEtag(error: unknown): error is ApiError {
  return isApiError(error) && error.status !== undefined && STALE_STATUSES.has(error.status);
}

/** True for the error `updateWithRetry` should retry after: a confirmed stale ETag. */
export function isStaleEtag(error: unknown): error is StaleEtagError {
  return error instanceof StaleEtagError || (isApiError(error) && error.code === 'PRECONDITION_FAILED');
}
