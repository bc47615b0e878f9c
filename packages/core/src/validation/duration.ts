import { ValidationError } from '../errors/client-errors.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Parses a duration flag value: `90s`, `10m`, `1h`, `1h30m`, `500ms`, or plain seconds (`45`).
 * Throws a ValidationError (exit 2) saying what is accepted when the text is not one.
 */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) {
    throw new ValidationError(`"${text}" is not a duration; use e.g. 90s, 10m, 1h30m or a number of seconds`);
  }
  return Math.round(
    parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0), 0),
  );
}

/** True when {@link parseDuration} accepts `text` and it is more than zero. */
export function isDuration(text: string): boolean {
  try {
    return parseDuration(text) > 0;
  } catch {
    return false;
  }
}
