import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';

/**
 * Streams `body` to `<target>.part`, then renames it to `target`, so a failed download never leaves
 * a truncated file under the real name.
 */
export async function writeDownload(
  body: ReadableStream<Uint8Array>,
  target: string,
  signal?: AbortSignal,
): Promise<void> {
  const partial = `${target}.part`;
  try {
    await pipeline(Readable.fromWeb(body as WebReadableStream<Uint8Array>), createWriteStream(partial), {
      signal,
    });
    await rename(partial, target);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
