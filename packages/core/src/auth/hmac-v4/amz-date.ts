const STAMP = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** `2015-08-30T12:36:00Z` → `20150830T123600Z` (the SigV4/DCI2 timestamp, UTC, no millis). */
export function formatAmzDate(date: Date): string {
  const two = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return (
    `${String(date.getUTCFullYear()).padStart(4, '0')}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}` +
    `T${two(date.getUTCHours())}${two(date.getUTCMinutes())}${two(date.getUTCSeconds())}Z`
  );
}

/** Parses a `YYYYMMDDTHHMMSSZ` timestamp; `undefined` when it is not one or not a real date. */
export function parseAmzDate(stamp: string): Date | undefined {
  const match = STAMP.exec(stamp);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return formatAmzDate(date) === stamp ? date : undefined;
}
