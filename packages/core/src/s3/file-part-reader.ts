import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ApiError } from '../errors/api-error.js';
import type { Md5Hashers } from './md5-workers.js';

/** One part of a file, read once; its MD5 is computed while the next part is read. */
export interface FilePart {
  /** 1-based, as S3 numbers parts. */
  readonly partNumber: number;
  readonly offset: number;
  readonly bytes: Buffer;
  readonly md5: Promise<Buffer>;
  /** Settles once the whole-file MD5 has consumed these bytes. */
  readonly wholeHashed: Promise<void>;
}

/**
 * Reads a file front to back exactly once, one part at a time into at most `maxBuffers` recycled
 * buffers, feeding every byte to the whole-file MD5 and to the part's own MD5. `next()` waits for
 * a buffer to come back through {@link FilePartReader.release}: that wait is the back-pressure
 * that bounds memory to `maxBuffers × partSize`.
 */
export class FilePartReader {
  readonly #handle: FileHandle;
  readonly #size: number;
  readonly #partSize: number;
  readonly #md5: Md5Hashers;
  readonly #maxBuffers: number;
  readonly #shared: boolean;
  readonly #free: Buffer[] = [];
  #allocated = 0;
  #bufferReturned: (() => void) | undefined;
  #offset = 0;
  #partNumber = 0;

  constructor(
    handle: FileHandle,
    size: number,
    partSize: number,
    md5: Md5Hashers,
    maxBuffers: number,
    shared: boolean,
  ) {
    this.#handle = handle;
    this.#size = size;
    this.#partSize = partSize;
    this.#md5 = md5;
    this.#maxBuffers = maxBuffers;
    this.#shared = shared;
  }

  /** The next part, or `undefined` at the end of the file. */
  async next(): Promise<FilePart | undefined> {
    if (this.#offset >= this.#size && this.#partNumber > 0) return undefined;
    const length = Math.min(this.#partSize, this.#size - this.#offset);
    const buffer = await this.#takeBuffer(length);
    const bytes = buffer.subarray(0, length);
    let filled = 0;
    while (filled < length) {
      const { bytesRead } = await this.#handle.read(bytes, filled, length - filled, this.#offset + filled);
      if (bytesRead === 0) {
        throw new Error(
          `the file shrank while it was read: expected ${this.#size} bytes, it ended at ${this.#offset + filled}`,
        );
      }
      filled += bytesRead;
    }
    const part = {
      partNumber: ++this.#partNumber,
      offset: this.#offset,
      bytes,
      wholeHashed: this.#md5.update(bytes),
      md5: this.#md5.part(bytes),
    };
    this.#offset += length;
    return part;
  }

  /** Gives a part's buffer back once nothing references its bytes any more. */
  release(part: FilePart): void {
    const whole = Buffer.from(part.bytes.buffer, part.bytes.byteOffset, part.bytes.buffer.byteLength);
    void Promise.allSettled([part.wholeHashed, part.md5]).then(() => {
      this.#free.push(whole);
      this.#bufferReturned?.();
    });
  }

  /**
   * Throws when the file's size or mtime moved since `before`: the bytes read would then mix two
   * versions, and the MD5 and object would describe neither.
   */
  async assertUnchanged(path: string, before: Stats): Promise<void> {
    const now = await this.#handle.stat();
    if (now.size !== before.size || now.mtimeMs !== before.mtimeMs) {
      throw new ApiError(
        'CONFLICT',
        `${path} changed while it was uploaded (size or modification time moved); upload it again once it is stable`,
        {
          retryable: false,
        },
      );
    }
  }

  /** The whole-file MD5, once every part was read. */
  wholeMd5(): Promise<Buffer> {
    return this.#md5.digest();
  }

  async #takeBuffer(length: number): Promise<Buffer> {
    for (;;) {
      const free = this.#free.pop();
      if (free) return free;
      if (this.#allocated < this.#maxBuffers) {
        this.#allocated += 1;
        // A lone small part (a single PutObject) needs only its own length.
        const bytes = this.#partNumber === 0 && length < this.#partSize ? length : this.#partSize;
        return this.#shared ? Buffer.from(new SharedArrayBuffer(bytes)) : Buffer.allocUnsafeSlow(bytes);
      }
      await new Promise<void>((resolve) => {
        this.#bufferReturned = resolve;
      });
    }
  }
}
