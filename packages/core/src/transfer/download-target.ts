import { createWriteStream } from 'node:fs';
import { lstat, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { ValidationError } from '../errors/client-errors.js';

/**
 * How a download reaches its target: `replace` streams into `<path>.part` and renames it over a
 * regular file (or a missing path) once complete; `direct` writes into what is there (a device, a
 * FIFO, a symlink), which a rename would replace with a plain file; `stdout` is the target `-`.
 */
export type DownloadTarget =
  | { kind: 'replace'; path: string }
  | { kind: 'direct'; path: string }
  | { kind: 'stdout' };

/** Options of {@link writeDownload}. */
export interface WriteDownloadOptions {
  signal?: AbortSignal;
  /** Where `-` writes. Default `process.stdout`. */
  stdout?: Writable;
}

function refuse(target: string, problem: string): ValidationError {
  return new ValidationError(`cannot download to "${target}": ${problem}`, [
    { path: 'target', message: problem },
  ]);
}

/**
 * Decides how `target` is written, and refuses one that cannot be (a directory, a missing parent
 * directory) so a caller can check it before sending any request.
 *
 * @example await checkDownloadTarget('./report.xml') // { kind: 'replace', path: './report.xml' }
 */
export async function checkDownloadTarget(target: string): Promise<DownloadTarget> {
  if (target === '-') return { kind: 'stdout' };
  if (target === '') throw refuse(target, 'the target path is empty');
  const found = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw refuse(target, error.code ?? error.message);
  });
  if (!found) {
    const parent = dirname(target);
    const parentInfo = await stat(parent).catch(() => undefined);
    if (!parentInfo?.isDirectory()) throw refuse(target, `the directory "${parent}" does not exist`);
    return { kind: 'replace', path: target };
  }
  if (found.isDirectory()) throw refuse(target, 'it is a directory; name a file inside it');
  if (found.isFile()) return { kind: 'replace', path: target };
  if (found.isSymbolicLink()) {
    const pointed = await stat(target).catch(() => undefined);
    if (pointed?.isDirectory()) throw refuse(target, 'it is a directory; name a file inside it');
  }
  return { kind: 'direct', path: target };
}

/**
 * Streams `body` to `target` (see {@link DownloadTarget}): a regular file is replaced only once the
 * download is complete, and a failed or aborted download removes its `.part`, so no truncated file
 * is left under the real name.
 *
 * @example await writeDownload(response.data, '/tmp/junit.xml', { signal })
 */
export async function writeDownload(
  body: ReadableStream<Uint8Array>,
  target: string,
  options: WriteDownloadOptions = {},
): Promise<void> {
  const where = await checkDownloadTarget(target);
  const source = Readable.fromWeb(body as WebReadableStream<Uint8Array>);
  const { signal } = options;
  if (where.kind === 'stdout') {
    await pipeline(source, options.stdout ?? process.stdout, { signal, end: false });
    return;
  }
  if (where.kind === 'direct') {
    await pipeline(source, createWriteStream(where.path), { signal });
    return;
  }
  const partial = `${where.path}.part`;
  try {
    await pipeline(source, createWriteStream(partial), { signal });
    await rename(partial, where.path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}
