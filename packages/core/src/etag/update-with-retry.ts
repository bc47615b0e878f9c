import { isApiError } from '../errors/api-error.js';
import { ValidationError } from '../errors/client-errors.js';
import { AmbiguousOutcomeError, ConcurrencyConflictError } from '../errors/workflow-errors.js';
import { throwIfAborted } from '../waiters/abort.js';
import { sleep } from '../waiters/sleep.js';
import type { Conditions } from './conditions.js';
import { etagOf } from './etag-of.js';

/** Default number of read → mutate → write rounds before giving up. */
export const DEFAULT_UPDATE_ATTEMPTS = 5;

/** Options of {@link updateWithRetry}. */
export interface UpdateWithRetryOptions<E, U, R> {
  /** Reads the current entity; its ETag guards the write. */
  read: (signal?: AbortSignal) => Promise<E>;
  /**
   * Computes the change from the current entity. Must be pure: it runs again on fresh data after
   * every conflict. Return `undefined` when nothing needs changing, and no write is made.
   */
  mutate: (current: E, attempt: number) => U | undefined;
  /** Writes the change with `If-Match` set to the read's ETag (pass `conditions` to `send`). */
  write: (
    change: U,
    conditions: Conditions & { ifMatch: string },
    current: E,
    signal?: AbortSignal,
  ) => Promise<R>;
  /** Extracts the ETag from what `read` returned. Default {@link etagOf} (`entity.etag`). */
  etag?: (current: E) => string | undefined;
  /** Rounds before `ConcurrencyConflictError`. Default 5. */
  maxAttempts?: number;
  /**
   * Recognises a service's own "someone changed it" answers, in addition to the standard 412
   * (DCI answers a stale ETag with 404 on jobs and 409 on teams).
   */
  isConflict?: (error: unknown) => boolean;
  signal?: AbortSignal;
  /** Milliseconds to wait before re-reading after conflict number `conflicts`. Default: jittered, up to 1 s. */
  backoff?: (conflicts: number) => number;
  /**
   * After a write whose response was lost failed its precondition (the retried request found the
   * ETag changed, maybe by this very write): the write's result when `reread` already holds
   * `change`, else `undefined`. Default: every field of `change` equals `reread`'s, and `reread`
   * itself is the result (as for SDK methods that return the written entity).
   */
  landed?: (reread: E, change: U) => R | undefined;
}

/** What {@link updateWithRetry} ended with. */
export type UpdateResult<E, R> =
  /** The change was written; `value` is what `write` returned. */
  | { changed: true; value: R; attempts: number }
  /** `mutate` found nothing to change; `value` is the entity as read. */
  | { changed: false; value: E; attempts: number };

/**
 * Optimistic-concurrency update: read, apply a pure mutation, write with `If-Match` set to the
 * read's ETag. When the write's precondition fails (someone else changed the entity), read again
 * and re-apply, up to `maxAttempts` rounds, then throw `ConcurrencyConflictError`. Any other error
 * propagates at once. This is the only place nimbus retries a 412.
 *
 * @example
 * await updateWithRetry({
 *   read: (signal) => dci.jobs.get(id, { signal }),
 *   mutate: (job) => (job.tags.includes('ok') ? undefined : { tags: [...job.tags, 'ok'] }),
 *   write: (patch, conditions, _job, signal) => dci.jobs.update(id, patch, { conditions, signal }),
 * });
 */
export async function updateWithRetry<E, U, R>(
  options: UpdateWithRetryOptions<E, U, R>,
): Promise<UpdateResult<E, R>> {
  const { read, mutate, write, signal } = options;
  const maxAttempts = options.maxAttempts ?? DEFAULT_UPDATE_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ValidationError(
      `updateWithRetry: maxAttempts must be a whole number >= 1, got ${String(maxAttempts)}`,
      [{ path: 'maxAttempts', message: 'must be a whole number >= 1' }],
    );
  }
  const readEtag = options.etag ?? ((current: E) => etagOf(current as Parameters<typeof etagOf>[0]));
  const isConflict = (error: unknown) =>
    (isApiError(error) && error.code === 'PRECONDITION_FAILED') || options.isConflict?.(error) === true;
  const backoff = options.backoff ?? defaultBackoff;

  let lastConflict: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    if (attempt > 1) await sleep(Math.max(0, backoff(attempt - 1)), signal);
    throwIfAborted(signal, 'Update');
    const current = await read(signal);
    const change = mutate(current, attempt);
    if (change === undefined) return { changed: false, value: current, attempts: attempt };
    const etag = readEtag(current);
    if (etag === undefined) {
      throw new ValidationError(
        'updateWithRetry: read() returned no ETag, so the write cannot be guarded with If-Match; return an entity with an etag or pass etag(current)',
        [{ path: 'etag', message: 'read() result has no ETag' }],
      );
    }
    throwIfAborted(signal, 'Update');
    try {
      return {
        changed: true,
        value: await write(change, { ifMatch: etag }, current, signal),
        attempts: attempt,
      };
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (isApiError(error) && error.afterUnansweredAttempt) {
        return { changed: true, value: await confirmLanded(options, change, error), attempts: attempt };
      }
      lastConflict = error;
    }
  }
  throw new ConcurrencyConflictError(
    `Gave up after ${maxAttempts} attempt${maxAttempts === 1 ? '' : 's'}: the resource changed between every read and write (If-Match precondition failed)`,
    maxAttempts,
    { cause: lastConflict },
  );
}

/**
 * Our write's response was lost and its retry found the ETag changed: re-read, and succeed if the
 * change is there. Re-applying could apply it twice, so anything else is an ambiguous outcome.
 */
async function confirmLanded<E, U, R>(
  options: UpdateWithRetryOptions<E, U, R>,
  change: U,
  conflict: unknown,
): Promise<R> {
  const reread = await options.read(options.signal);
  const landed =
    options.landed ??
    ((current: E, written: U) => (holdsChange(current, written) ? (current as unknown as R) : undefined));
  const value = landed(reread, change);
  if (value !== undefined) return value;
  throw new AmbiguousOutcomeError(
    'The update may or may not have been applied: its response was lost, and the resource has changed since',
    { hint: 're-read it and check before updating again', cause: conflict },
  );
}

/** True when every field of `change` deep-equals the same field of `current`. */
export function holdsChange(current: unknown, change: unknown): boolean {
  if (change === null || typeof change !== 'object' || Array.isArray(change))
    return deepEqual(current, change);
  if (current === null || typeof current !== 'object') return false;
  const record = current as Record<string, unknown>;
  return Object.entries(change as Record<string, unknown>).every(
    ([key, value]) => value === undefined || deepEqual(record[key], value),
  );
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Full jitter so two clients that collided do not collide again in lockstep. */
function defaultBackoff(conflicts: number): number {
  return Math.random() * Math.min(1_000, 50 * 2 ** Math.min(conflicts - 1, 10));
}
