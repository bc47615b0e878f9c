const UNRESERVED = /[A-Za-z0-9\-._~]/;
const ALL_UNRESERVED = /^[A-Za-z0-9\-._~]*$/;
const encoder = new TextEncoder();

/**
 * RFC 3986 strict percent-encoding of a UTF-8 string: only `A-Z a-z 0-9 - . _ ~` stay literal,
 * everything else becomes upper-case `%XX` (space is `%20`, never `+`).
 */
export function encodeRfc3986(value: string): string {
  // Most keys, path segments and query values need no escaping; skip building a new string.
  if (ALL_UNRESERVED.test(value)) return value;
  try {
    // encodeURIComponent leaves !'()* alone, which RFC 3986 strict encoding escapes.
    return encodeURIComponent(value).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    // Lone surrogates: encode them the way TextEncoder does (U+FFFD) instead of failing.
    return encodeSlowly(value);
  }
}

function encodeSlowly(value: string): string {
  let out = '';
  for (const char of value) {
    if (UNRESERVED.test(char)) {
      out += char;
      continue;
    }
    for (const byte of encoder.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

const HEX_PAIR = /^[0-9A-Fa-f]{2}$/;
const lenientUtf8 = new TextDecoder('utf-8', { fatal: false });

/**
 * Percent-decodes like Python's `urllib.parse.unquote`: valid `%XX` escapes become bytes, invalid
 * ones stay literal, `+` stays `+`, and the bytes are read as UTF-8 with U+FFFD for bad sequences.
 * DCI's server canonicalises paths this way, so the client must too.
 */
export function percentDecode(value: string): string {
  if (!value.includes('%')) return value;
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === '%' && HEX_PAIR.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
      continue;
    }
    const code = value.codePointAt(i) ?? 0;
    const char = String.fromCodePoint(code);
    bytes.push(...encoder.encode(char));
    if (code > 0xffff) i++;
  }
  return lenientUtf8.decode(Uint8Array.from(bytes));
}
