/**
 * Milliseconds a `Retry-After` header asks to wait: delta-seconds or an HTTP date measured against
 * `now` (the transport's clock, so tests can pin it). `undefined` when absent or unreadable; a date in
 * the past means 0.
 */
export function parseRetryAfterMs(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now.getTime());
}
