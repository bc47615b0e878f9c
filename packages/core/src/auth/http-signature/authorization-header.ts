import type { HttpSignatureFormat } from './signing-string.js';

/** The parameters of a `Signature …` Authorization header. */
export interface HttpSignatureParams {
  keyId: string;
  algorithm: string;
  /** `undefined` when the header carried no `headers=` parameter. */
  headers?: string[];
  signature: string;
  format: HttpSignatureFormat;
}

/**
 * Formats the Authorization value. Modern: `Signature keyId="…",algorithm="…",headers="…",signature="…"`
 * (no spaces, node-http-signature's order). Legacy 0.9: the quoted params, then one space and the bare
 * signature.
 */
export function formatSignatureAuthorization(params: HttpSignatureParams, includeHeaders = true): string {
  const parts = [`keyId="${params.keyId}"`, `algorithm="${params.algorithm}"`];
  if (includeHeaders && params.headers) parts.push(`headers="${params.headers.join(' ')}"`);
  if (params.format === 'legacy') return `Signature ${parts.join(',')} ${params.signature}`;
  parts.push(`signature="${params.signature}"`);
  return `Signature ${parts.join(',')}`;
}

/**
 * Parses a `Signature` Authorization value in either format (modern first, like CloudAPI). Returns a
 * reason string when neither parses.
 */
export function parseSignatureAuthorization(value: string): HttpSignatureParams | string {
  const match = /^Signature\s+(.*)$/s.exec(value);
  if (!match) return 'scheme is not Signature';
  const rest = match[1] ?? '';
  const modern = parseParams(rest);
  if (typeof modern !== 'string' && modern.rest === '') {
    const { keyId, algorithm, headers, signature } = modern.params;
    if (keyId === undefined || algorithm === undefined || signature === undefined) {
      return 'keyId, algorithm and signature are required';
    }
    return {
      keyId,
      algorithm,
      signature,
      format: 'modern',
      ...(headers === undefined ? {} : { headers: splitHeaders(headers) }),
    };
  }
  if (typeof modern !== 'string' && /^ [A-Za-z0-9+/=]+$/.test(modern.rest)) {
    const { keyId, algorithm, headers } = modern.params;
    if (keyId === undefined || algorithm === undefined) return 'keyId and algorithm are required';
    return {
      keyId,
      algorithm,
      signature: modern.rest.slice(1),
      format: 'legacy',
      ...(headers === undefined ? {} : { headers: splitHeaders(headers) }),
    };
  }
  return typeof modern === 'string'
    ? modern
    : `unexpected text after parameters: ${JSON.stringify(modern.rest.slice(0, 20))}`;
}

function splitHeaders(value: string): string[] {
  return value
    .split(' ')
    .filter((name) => name !== '')
    .map((name) => name.toLowerCase());
}

// name="value" pairs separated by commas; names are letters only; returns what follows the last pair.
function parseParams(text: string): { params: Record<string, string>; rest: string } | string {
  const params: Record<string, string> = {};
  const pair = /^([A-Za-z]+)=(?:"([^"]*)"|(\d+))/;
  let rest = text;
  while (true) {
    const found = pair.exec(rest);
    if (!found) return `bad parameter near ${JSON.stringify(rest.slice(0, 20))}`;
    const name = found[1] as string;
    if (Object.hasOwn(params, name)) return `duplicate parameter ${name}`;
    params[name] = found[2] ?? found[3] ?? '';
    rest = rest.slice(found[0].length);
    if (!rest.startsWith(',')) return { params, rest };
    rest = rest.slice(1);
  }
}
