/** One link of an RFC 8288 `Link` header. */
export interface LinkHeaderEntry {
  /** The target, resolved against the base URL when one was given and the target is relative. */
  url: string;
  /** The target exactly as written between `<` and `>`. */
  target: string;
  /** Relation types, lower-cased (`rel="next last"` → `['next', 'last']`). */
  rel: string[];
  /**
   * Every other parameter by lower-cased name, unquoted and unescaped. A `title*` style extended
   * value (RFC 8187) is decoded and stored under the plain name, taking precedence over it.
   */
  params: Record<string, string>;
}

/**
 * Parses an RFC 8288 `Link` header: several links separated by commas, quoted parameters that may
 * themselves hold commas or semicolons, multiple relation types per link, and relative targets
 * resolved against `baseUrl` (the URL of the request that returned the header). Malformed links
 * are skipped rather than failing the whole header.
 *
 * @example
 * parseLinkHeader('</jobs?page=2>; rel="next", </jobs?page=9>; rel=last', 'https://api.example/jobs')
 * // → [{ url: 'https://api.example/jobs?page=2', rel: ['next'], ... }, { url: '...page=9', rel: ['last'], ... }]
 */
export function parseLinkHeader(value: string | null | undefined, baseUrl?: string | URL): LinkHeaderEntry[] {
  if (!value) return [];
  const scanner = new Scanner(value);
  const links: LinkHeaderEntry[] = [];
  for (;;) {
    scanner.skip(/[\s,]/);
    if (scanner.done()) return links;
    if (scanner.peek() !== '<') {
      scanner.skipPastLink();
      continue;
    }
    scanner.advance();
    const end = value.indexOf('>', scanner.position);
    if (end < 0) return links;
    const target = value.slice(scanner.position, end).trim();
    scanner.position = end + 1;
    const { rel, params } = readParams(scanner);
    links.push({ url: resolveTarget(target, baseUrl), target, rel, params });
  }
}

/** The first link whose relation types include `rel` (compared case-insensitively). */
export function findLink(links: readonly LinkHeaderEntry[], rel: string): LinkHeaderEntry | undefined {
  const wanted = rel.toLowerCase();
  return links.find((link) => link.rel.includes(wanted));
}

function readParams(scanner: Scanner): { rel: string[]; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const extended = new Set<string>();
  let rel: string[] | undefined;
  for (;;) {
    scanner.skip(/\s/);
    const next = scanner.peek();
    if (next === undefined || next === ',') return { rel: rel ?? [], params };
    if (next !== ';') {
      // Stray text after the target or a value: drop it up to the next parameter or link.
      scanner.skipUntil(/[;,]/);
      continue;
    }
    scanner.advance();
    scanner.skip(/\s/);
    const name = scanner.readWhile(/[^\s=;,]/).toLowerCase();
    scanner.skip(/\s/);
    let raw = '';
    if (scanner.peek() === '=') {
      scanner.advance();
      scanner.skip(/\s/);
      raw = scanner.peek() === '"' ? scanner.readQuoted() : scanner.readWhile(/[^\s;,]/);
    }
    if (!name) continue;
    if (name === 'rel') {
      // RFC 8288 §3.3: occurrences after the first are ignored.
      rel ??= raw
        .split(/\s+/)
        .filter(Boolean)
        .map((type) => type.toLowerCase());
      continue;
    }
    if (name.endsWith('*')) {
      const decoded = decodeExtendedValue(raw);
      const plain = name.slice(0, -1);
      if (decoded !== undefined && !extended.has(plain)) {
        params[plain] = decoded;
        extended.add(plain);
      }
      continue;
    }
    if (!(name in params)) params[name] = raw;
  }
}

/** RFC 8187 `charset'language'pct-encoded`; `undefined` when it cannot be decoded. */
function decodeExtendedValue(raw: string): string | undefined {
  const match = /^([^']*)'[^']*'(.*)$/.exec(raw);
  if (!match) return undefined;
  const charset = (match[1] ?? '').toLowerCase();
  const encoded = match[2] ?? '';
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    if (charset === 'iso-8859-1') {
      return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) =>
        String.fromCharCode(Number.parseInt(hex, 16)),
      );
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function resolveTarget(target: string, baseUrl: string | URL | undefined): string {
  try {
    return new URL(target, baseUrl).href;
  } catch {
    // Relative with no base (or an unparsable base): hand back what the server wrote.
    return target;
  }
}

/** A cursor over the header text. */
class Scanner {
  position = 0;
  constructor(private readonly text: string) {}

  done(): boolean {
    return this.position >= this.text.length;
  }
  peek(): string | undefined {
    return this.text[this.position];
  }
  advance(): void {
    this.position += 1;
  }
  skip(pattern: RegExp): void {
    while (!this.done() && pattern.test(this.text[this.position] as string)) this.position += 1;
  }
  skipUntil(pattern: RegExp): void {
    while (!this.done() && !pattern.test(this.text[this.position] as string)) {
      if (this.peek() === '"') this.readQuoted();
      else this.position += 1;
    }
  }
  /** Skips a malformed link up to the comma that ends it, stepping over quoted strings. */
  skipPastLink(): void {
    this.skipUntil(/,/);
  }
  readWhile(pattern: RegExp): string {
    const start = this.position;
    this.skip(pattern);
    return this.text.slice(start, this.position);
  }
  /** Reads a quoted-string at the cursor (which is on the opening quote), unescaping `\x`. */
  readQuoted(): string {
    this.position += 1;
    let out = '';
    while (!this.done()) {
      const char = this.text[this.position] as string;
      this.position += 1;
      if (char === '"') return out;
      if (char === '\\' && !this.done()) {
        out += this.text[this.position];
        this.position += 1;
      } else {
        out += char;
      }
    }
    return out;
  }
}
