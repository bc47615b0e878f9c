import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/**
 * Hex MD5 of a local file. Only for comparisons before deciding to upload (`skipExisting`, recipe
 * reuse); uploads take the MD5 from their own single read.
 */
export async function fileMd5(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('md5');
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024, signal }))
    hash.update(chunk as Buffer);
  return hash.digest('hex');
}
