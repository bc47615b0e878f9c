/** What one check of a waiter reports. */
export type WaitCheck<S, R = S> =
  | { status: 'done'; value: R }
  | { status: 'pending'; state: S }
  | { status: 'failed'; state: S; reason: string };

/** Sleeps `ms` milliseconds, rejecting when `signal` aborts. */
export type SleepFunction = (ms: number, signal?: AbortSignal) => Promise<void>;

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
  /** What is awaited, for error messages (`"machine 4f2c to be running"`). */
  label?: string;
  /** Injected for tests: replaces the real abortable timer between checks. */
  sleep?: SleepFunction;
  /** Injected for tests: source of jitter in [0, 1). Default `Math.random`. */
  random?: () => number;
}
