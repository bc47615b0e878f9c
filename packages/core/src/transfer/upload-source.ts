import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline, Transform } from 'node:stream';
import { ValidationError } from '../errors/client-errors.js';
import type { RequestBody } from '../transport/types.js';

/**
 * What to upload: a file on disk (streamed, hashed in a first streaming pass so memory stays flat),
 * bytes already in memory, or a stream whose size and SHA-256 you already know (signature auth signs
 * the body hash before the first byte is sent).
 */
export type UploadSource =
  | { path: string }
  | { bytes: Uint8Array | string }
  | { stream: ReadableStream<Uint8Array> | NodeJS.ReadableStream; size: number; sha256: string };

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function tooLarge(size: number, maxBytes: number, limitOwner: string): ValidationError {
  const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
  return new ValidationError(
    `file is ${mib(size)} MiB, over the ${mib(maxBytes)} MiB upload limit of ${limitOwner}`,
    [{ path: 'source', message: `larger than ${maxBytes} bytes` }],
  );
}

/** Reports bytes handed to the connection so far, and the total. */
export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

/** A file stream that reports progress as the transport pulls it (backpressure kept). */
function countingFileStream(path: string, total: number, onProgress: UploadProgress): NodeJS.ReadableStream {
  let sent = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length;
      onProgress(sent, total);
      done(null, chunk);
    },
  });
  // A read error destroys `counter` with that error, so the upload fails instead of hanging.
  return pipeline(createReadStream(path), counter, () => {});
}

/** Limits and reporting of {@link uploadBody}. */
export interface UploadBodyOptions {
  /** Refused before anything is read or sent when larger. */
  maxBytes: number;
  /** Whose limit it is, for the error (`the DCI server`). Default `the server`. */
  limitOwner?: string;
  onProgress?: UploadProgress;
}

/**
 * Turns `source` into a transport body with its length and SHA-256, refusing a missing or oversize
 * file before any request.
 *
 * @example await transport.send({ method: 'POST', path, body: await uploadBody({ path: f }, 'text/xml', { maxBytes }) })
 */
export async function uploadBody(
  source: UploadSource,
  contentType: string,
  options: UploadBodyOptions,
): Promise<RequestBody> {
  const { maxBytes, onProgress } = options;
  const owner = options.limitOwner ?? 'the server';
  if ('path' in source) {
    const info = await stat(source.path).catch(() => undefined);
    if (!info?.isFile()) {
      throw new ValidationError(`cannot read "${source.path}": not a file`, [
        { path: 'source.path', message: 'not a readable file' },
      ]);
    }
    if (info.size > maxBytes) throw tooLarge(info.size, maxBytes, owner);
    const sha256 = await sha256OfFile(source.path);
    const stream = onProgress
      ? countingFileStream(source.path, info.size, onProgress)
      : createReadStream(source.path);
    return { stream, contentType, contentLength: info.size, sha256 };
  }
  if ('bytes' in source) {
    const bytes = typeof source.bytes === 'string' ? new TextEncoder().encode(source.bytes) : source.bytes;
    if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes, owner);
    return { bytes, contentType };
  }
  if (source.size > maxBytes) throw tooLarge(source.size, maxBytes, owner);
  if (!/^[0-9a-f]{64}$/.test(source.sha256)) {
    throw new ValidationError('source.sha256 must be the lower-case hex SHA-256 of the stream', [
      { path: 'source.sha256', message: 'expected 64 lower-case hex characters' },
    ]);
  }
  return { stream: source.stream, contentType, contentLength: source.size, sha256: source.sha256 };
}
