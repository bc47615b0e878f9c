/** Headers as a signer accepts them; pairs keep repeated names in the order they were sent. */
export type HeaderInput = Headers | Readonly<Record<string, string>> | Iterable<readonly [string, string]>;

/**
 * Header names AWS never signs because proxies and user agents add or rewrite them. `proxy-*` and
 * `sec-*` are excluded as well.
 */
export const DEFAULT_UNSIGNABLE_HEADERS: readonly string[] = [
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
];

/** Groups header values by lower-case name, keeping the order of appearance. */
export function collectHeaders(input: HeaderInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const entries: Iterable<readonly [string, string]> =
    Symbol.iterator in input
      ? (input as Iterable<readonly [string, string]>)
      : Object.entries(input as Readonly<Record<string, string>>);
  for (const [name, value] of entries) {
    const key = name.toLowerCase();
    const list = out.get(key);
    if (list) list.push(value);
    else out.set(key, [value]);
  }
  return out;
}

/**
 * `trim`: AWS rule, leading/trailing whitespace removed and inner runs of spaces collapsed (even in
 * quotes). `raw`: the value exactly as sent (DCI's server does not trim).
 */
export type HeaderValueMode = 'trim' | 'raw';

// A value with no line break, tab, double space or edge space is already in canonical form.
const NEEDS_TRIM = /[\r\n\t]| {2}|^ | $/;

/** One canonical header value: repeated headers joined by `,` in order of appearance. */
export function canonicalHeaderValue(values: readonly string[], mode: HeaderValueMode): string {
  if (mode === 'raw') return values.join(',');
  if (values.length === 1 && !NEEDS_TRIM.test(values[0] as string)) return values[0] as string;
  return values
    .map((value) =>
      value
        .replace(/[\r\n]/g, ' ')
        .replace(/[ \t]+/g, ' ')
        .trim(),
    )
    .join(',');
}

/** True when a header of this lower-case name is in the unsignable set or a `proxy-`/`sec-` header. */
export function isUnsignable(name: string, unsignable: ReadonlySet<string>): boolean {
  return unsignable.has(name) || name.startsWith('proxy-') || name.startsWith('sec-');
}
