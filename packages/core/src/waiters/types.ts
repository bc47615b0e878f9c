/** What one check of a waiter reports. */
export type WaitCheck<S, R = S> =
  | { status: 'done'; value: R }
  | { status: 'pending'; state: S }
  | { status: 'failed'; state: S; reason: string };

/** Options of `waitFor`. */
export interface WaitOptions<S = unknown> {
  /** Deadline for the whole wait. Default 10 minutes; never infinite. */
  timeoutMs?: number;
  /** First delay between checks. Default 1 s. */
  minDelayMs?: number;
  /** Cap of the exponential backoff. Default 30 s. */
  maxDelayMs?: number;
  signal?: AbortSignal;
  /** Called after every pending check, for spinners and logs. */
  onProgress?: (progress: { attempt: number; state: S; elapsedMs: number; nextDelayMs: number }) => void;
  /** Injected for tests. */
  clock?: () => number;
}
