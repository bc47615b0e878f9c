import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/** One part of a file, read once, with its MD5. */
export interface FilePart {
  /** 1-based, as S3 numbers parts. */
  readonly partNumber: number;
  readonly offset: number;
  readonly bytes: Buffer;
  readonly md5: Buffer;
}

// Hashing 8+ MiB in one call would hold the event loop for tens of milliseconds while other
// parts' sockets wait to be fed; slices with a yield between keep every upload moving.
const HASH_SLICE = 1 << 20;

/**
 * Reads a file front to back exactly once, one part at a time into recycled buffers, feeding every
 * byte to the whole-file MD5 and to the part's own MD5. The caller bounds memory by how many parts
 * it holds before calling {@link FilePartReader.release}.
 */
export class FilePartReader {
  readonly #handle: FileHandle;
  readonly #size: number;
  readonly #partSize: number;
  readonly #whole: Hash = createHash('md5');
  readonly #free: Buffer[] = [];
  #offset = 0;
  #partNumber = 0;
  /** Bytes this reader has taken from the file. */
  bytesRead = 0;

  constructor(handle: FileHandle, size: number, partSize: number) {
    this.#handle = handle;
    this.#size = size;
    this.#partSize = partSize;
  }

  /** The next part, or `undefined` at the end of the file. */
  async next(): Promise<FilePart | undefined> {
    if (this.#offset >= this.#size && this.#partNumber > 0) return undefined;
    const length = Math.min(this.#partSize, this.#size - this.#offset);
    const buffer = this.#free.pop() ?? Buffer.allocUnsafeSlow(this.#partSize);
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
    this.bytesRead += length;
    const partHash = createHash('md5');
    for (let at = 0; at < length; at += HASH_SLICE) {
      const slice = bytes.subarray(at, Math.min(length, at + HASH_SLICE));
      this.#whole.update(slice);
      partHash.update(slice);
      if (at + HASH_SLICE < length) await yieldToLoop();
    }
    const part = { partNumber: ++this.#partNumber, offset: this.#offset, bytes, md5: partHash.digest() };
    this.#offset += length;
    return part;
  }

  /** Gives a part's buffer back for the next read once nothing references its bytes any more. */
  release(part: FilePart): void {
    this.#free.push(Buffer.from(part.bytes.buffer, part.bytes.byteOffset, this.#partSize));
  }

  /** The whole-file MD5, once every part was read. */
  wholeMd5(): Buffer {
    return this.#whole.digest();
  }
}
