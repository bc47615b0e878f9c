import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

// Plain JS run with eval so it works the same from dist/ and from the TypeScript sources in tests.
// 'update'/'digest' keep one running hash (the whole file); 'once' hashes one part on its own.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const running = createHash('md5');
parentPort.on('message', (m) => {
  const bytes = m.buffer && new Uint8Array(m.buffer, m.offset, m.length);
  if (m.kind === 'update') { running.update(bytes); parentPort.postMessage({ id: m.id }); }
  else if (m.kind === 'once') parentPort.postMessage({ id: m.id, digest: createHash('md5').update(bytes).digest() });
  else parentPort.postMessage({ id: m.id, digest: running.digest() });
});
`;

/** One worker thread and the replies it owes, by message id. */
class Md5Worker {
  readonly #worker = new Worker(WORKER_SOURCE, { eval: true });
  readonly #waiting = new Map<number, { resolve: (digest?: Buffer) => void; reject: (e: Error) => void }>();
  #nextId = 0;
  constructor() {
    this.#worker.on('message', (m: { id: number; digest?: Uint8Array }) => {
      this.#waiting.get(m.id)?.resolve(m.digest && Buffer.from(m.digest));
      this.#waiting.delete(m.id);
    });
    this.#worker.on('error', (error) => {
      for (const w of this.#waiting.values()) w.reject(error);
      this.#waiting.clear();
    });
  }
  get busy(): number {
    return this.#waiting.size;
  }
  call(kind: 'update' | 'once' | 'digest', bytes?: Buffer): Promise<Buffer | undefined> {
    if (bytes && !(bytes.buffer instanceof SharedArrayBuffer)) {
      return Promise.reject(new TypeError('md5 workers need bytes in a SharedArrayBuffer'));
    }
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({
        kind,
        id,
        ...(bytes ? { buffer: bytes.buffer, offset: bytes.byteOffset, length: bytes.length } : {}),
      });
    });
  }
  terminate(): Promise<number> {
    return this.#worker.terminate();
  }
}

/** The MD5s of one upload: the whole file's, fed in file order, and each part's on its own. */
export interface Md5Hashers {
  /** Feeds the whole-file MD5; resolves once `bytes` were consumed and may be reused. */
  update(bytes: Buffer): Promise<void>;
  digest(): Promise<Buffer>;
  /** MD5 of one part. */
  part(bytes: Buffer): Promise<Buffer>;
  /** Frees any worker threads; safe on every path. */
  close(): Promise<void>;
}

/** Hashes on the calling thread: for a small file, where starting workers would cost more. */
export function inlineMd5(): Md5Hashers {
  const whole = createHash('md5');
  return {
    update: async (bytes) => {
      whole.update(bytes);
    },
    digest: async () => whole.digest(),
    part: async (bytes) => createHash('md5').update(bytes).digest(),
    close: async () => {},
  };
}

/**
 * Hashes on worker threads, off the thread that feeds the sockets: one keeps the whole-file MD5,
 * the others hash parts side by side, so the two MD5 passes of the single read run in parallel
 * with each other and with the upload. Bytes must live in SharedArrayBuffers (no copies).
 */
export function workerMd5(parallelParts: number): Md5Hashers {
  const whole = new Md5Worker();
  const parts = Array.from(
    { length: Math.max(1, Math.min(parallelParts, availableParallelism() - 1, 4)) },
    () => new Md5Worker(),
  );
  return {
    update: async (bytes) => {
      await whole.call('update', bytes);
    },
    digest: async () => (await whole.call('digest')) as Buffer,
    part: async (bytes) => {
      const idlest = parts.reduce((a, b) => (b.busy < a.busy ? b : a));
      return (await idlest.call('once', bytes)) as Buffer;
    },
    close: async () => {
      await Promise.all([whole, ...parts].map((w) => w.terminate()));
    },
  };
}
