import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';

/** MD5 of a whole file, fed part by part in file order. */
export interface WholeFileMd5 {
  /** Hashes `bytes`; resolves once they were consumed and the buffer may be reused. */
  update(bytes: Buffer): Promise<void>;
  digest(): Promise<Buffer>;
  /** Frees the worker, if any; safe after digest() and on error paths. */
  close(): Promise<void>;
}

/** Hashes on the calling thread: for small files, where a worker's start-up would cost more. */
export function inlineMd5(): WholeFileMd5 {
  const hash: Hash = createHash('md5');
  return {
    update: async (bytes) => {
      hash.update(bytes);
    },
    digest: async () => hash.digest(),
    close: async () => {},
  };
}

// Plain JS run with eval so it works the same from dist/ and from the TypeScript sources in tests.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hash = createHash('md5');
parentPort.on('message', (m) => {
  if (m.kind === 'update') {
    hash.update(new Uint8Array(m.buffer, m.offset, m.length));
    parentPort.postMessage({ kind: 'updated', id: m.id });
  } else {
    parentPort.postMessage({ kind: 'digest', digest: hash.digest() });
  }
});
`;

/**
 * Hashes on a worker thread, in parallel with the per-part MD5s on the main thread: on a 2-core
 * machine the two MD5 passes of a single read would otherwise run one after the other. `bytes`
 * must live in a SharedArrayBuffer so the worker reads them without a copy.
 */
export function workerMd5(): WholeFileMd5 {
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  const pending = new Map<number, () => void>();
  let digestWaiter: ((digest: Buffer) => void) | undefined;
  let failed: Error | undefined;
  const failAll = (error: Error) => {
    failed = error;
    for (const resolve of pending.values()) resolve();
    pending.clear();
  };
  worker.on('message', (m: { kind: string; id?: number; digest?: Uint8Array }) => {
    if (m.kind === 'updated' && m.id !== undefined) {
      pending.get(m.id)?.();
      pending.delete(m.id);
    } else if (m.kind === 'digest' && m.digest) {
      digestWaiter?.(Buffer.from(m.digest));
    }
  });
  worker.on('error', failAll);
  let nextId = 0;
  return {
    update(bytes) {
      if (!(bytes.buffer instanceof SharedArrayBuffer)) {
        return Promise.reject(new TypeError('workerMd5 needs bytes in a SharedArrayBuffer'));
      }
      const id = nextId++;
      return new Promise<void>((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({
          kind: 'update',
          id,
          buffer: bytes.buffer,
          offset: bytes.byteOffset,
          length: bytes.length,
        });
      });
    },
    digest() {
      if (failed) return Promise.reject(failed);
      return new Promise<Buffer>((resolve) => {
        digestWaiter = resolve;
        worker.postMessage({ kind: 'digest' });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
