import { createHash } from 'node:crypto';

/** ETags compared without their quotes: RGW returns some (CopyObject) unquoted. */
export function unquoteEtag(etag: string | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '');
}

/**
 * The ETag S3 gives a multipart object: hex MD5 of the concatenated binary part MD5s, then `-N`.
 *
 * @example multipartEtag([md5a, md5b]) // '0c78aef83f66abc1fa1e8477f296d394-2'
 */
export function multipartEtag(partMd5s: readonly Uint8Array[]): string {
  const hash = createHash('md5');
  for (const md5 of partMd5s) hash.update(md5);
  return `${hash.digest('hex')}-${partMd5s.length}`;
}
