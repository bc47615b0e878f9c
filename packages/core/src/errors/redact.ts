/** What a redacted value is replaced with, everywhere in nimbus. */
export const REDACTED = '[REDACTED]';

/** Header names whose values are credentials. Compared lower-case. */
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'x-amz-security-token',
  'x-auth-token',
]);

/** Object keys whose values are credentials, in bodies, options and error details. */
const SECRET_KEY =
  /(secret|password|passwd|token|api[-_]?key|private[-_]?key|passphrase|credential|signature)/i;

/** Query parameters that carry credentials (presigned URLs, OAuth flows). */
const SECRET_QUERY =
  /^(x-amz-signature|x-amz-credential|x-amz-security-token|signature|access_token|client_secret|password|token)$/i;

/** True when a header of this name carries a credential. */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase());
}

/** True when an object key of this name holds a credential. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/** A copy of `headers` with credential values replaced. */
export function redactHeaders(headers: Record<string, string> | Headers): Record<string, string> {
  const out: Record<string, string> = {};
  const entries = headers instanceof Headers ? headers.entries() : Object.entries(headers);
  for (const [name, value] of entries) out[name] = isSecretHeader(name) ? REDACTED : value;
  return out;
}

/** `url` with credential-bearing query parameters and userinfo replaced. */
export function redactUrl(url: string | URL): string {
  let parsed: URL;
  try {
    parsed = new URL(String(url));
  } catch {
    return String(url);
  }
  if (parsed.password) parsed.password = REDACTED;
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY.test(key)) parsed.searchParams.set(key, REDACTED);
  }
  return parsed.toString();
}

/**
 * A deep copy of a JSON-like value with every credential-named key replaced, and every literal
 * occurrence of a known secret string masked wherever it appears.
 */
export function redactValue(value: unknown, knownSecrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 20) return '[…]';
  if (typeof value === 'string') return maskSecrets(value, knownSecrets);
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      out[key] =
        isSecretKey(key) && item != null && item !== ''
          ? REDACTED
          : redactValue(item, knownSecrets, depth + 1);
    }
    return out;
  }
  return value;
}

/** `text` with every occurrence of each known secret (4 characters or more) replaced. */
export function maskSecrets(text: string, knownSecrets: readonly string[]): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out;
}
