export { waitDelay } from './backoff.js';
export { type PollOptions, pollUntil, pollWhile } from './poll.js';
export { sleep } from './sleep.js';
export type * from './types.js';
export { waitFor } from './wait-for.js';
export {
  DEFAULT_WAIT_MAX_DELAY_MS,
  DEFAULT_WAIT_MIN_DELAY_MS,
  DEFAULT_WAIT_TIMEOUT_MS,
} from './wait-options.js';
export { type SoloPoll, setsOwnTiming, watchOrPoll } from './watch-or-poll.js';
export { createWatcher, type Watcher, type WatcherOptions, type WatchOptions } from './watcher.js';
