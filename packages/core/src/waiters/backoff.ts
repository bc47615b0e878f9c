/**
 * Delay before the check that follows check number `attempt` (1-based): a random value between
 * `minDelayMs` and an exponentially growing ceiling capped at `maxDelayMs`. The jitter keeps many
 * waiters started together from polling a service in lockstep.
 */
export function waitDelay(
  attempt: number,
  minDelayMs: number,
  maxDelayMs: number,
  random: () => number = Math.random,
): number {
  // A zero minimum still has to grow, or a waiter would poll in a tight loop.
  const base = Math.max(minDelayMs, 1);
  const ceiling = Math.min(maxDelayMs, base * 2 ** Math.min(attempt - 1, 52));
  const low = Math.min(minDelayMs, ceiling);
  const unit = Math.min(Math.max(random(), 0), 1);
  return Math.round(low + unit * (ceiling - low));
}
