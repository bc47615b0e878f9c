/** HTTP Signature wire formats: `modern` (draft-cavage, `name: value` lines) or `legacy` (0.9, bare values). */
export type HttpSignatureFormat = 'modern' | 'legacy';

/** What a signing string is built from. */
export interface SigningStringInput {
  method: string;
  /** Path and query exactly as sent (`/my/machines?limit=1`). */
  target: string;
  /** Lower-case names to values. */
  header(name: string): string | undefined;
  /** Names in order; `(request-target)` and `request-line` are pseudo-headers. */
  headers: readonly string[];
  format: HttpSignatureFormat;
}

/**
 * Builds the exact bytes an HTTP Signature covers, `\n`-joined with no trailing newline. Returns the
 * missing header's name instead when one is not present.
 */
export function buildSigningString(
  input: SigningStringInput,
): { ok: true; value: string } | { ok: false; missing: string } {
  const lines: string[] = [];
  for (const raw of input.headers) {
    const name = raw.toLowerCase();
    if (name === '(request-target)') {
      lines.push(`(request-target): ${input.method.toLowerCase()} ${input.target}`);
      continue;
    }
    if (name === 'request-line') {
      lines.push(`${input.method.toUpperCase()} ${input.target} HTTP/1.1`);
      continue;
    }
    const value = input.header(name);
    if (value === undefined) return { ok: false, missing: name };
    lines.push(input.format === 'legacy' ? value : `${name}: ${value}`);
  }
  return { ok: true, value: lines.join('\n') };
}
