import { encodeRfc3986, percentDecode } from './percent-encoding.js';

/**
 * How the request path becomes the canonical URI:
 * - `aws`: RFC 3986 dot-segment and empty-segment normalisation, then every segment of the path as
 *   sent is encoded again (AWS services other than S3 expect this "double" encoding).
 * - `s3`: no normalisation; each segment is decoded and re-encoded once, so the canonical form is
 *   the single-encoded key whatever escapes the caller chose.
 * - `decoded`: the percent-decoded path, not re-encoded, not normalised (DCI's server).
 */
export type HmacV4PathMode = 'aws' | 's3' | 'decoded';

const PLAIN_PATH = /^[A-Za-z0-9\-._~/]*$/;

/** The canonical URI of `path` (the path exactly as sent, without the query) in `mode`. */
export function canonicalPath(path: string, mode: HmacV4PathMode): string {
  const raw = path === '' ? '/' : path;
  if (mode === 'decoded') return percentDecode(raw);
  // A path of unreserved characters and slashes decodes and re-encodes to itself.
  if (mode === 's3' && PLAIN_PATH.test(raw)) return raw;
  if (mode === 's3')
    return raw
      .split('/')
      .map((segment) => encodeRfc3986(percentDecode(segment)))
      .join('/');
  return normalizePath(raw).split('/').map(encodeRfc3986).join('/');
}

function normalizePath(path: string): string {
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  const trailing = kept.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${kept.join('/')}${trailing}`;
}
