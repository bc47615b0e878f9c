import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { createTransport } from '../../src/transport/create-transport.js';

const MiB = 1024 * 1024;
const CHUNK = 64 * 1024;
const TOTAL = 32 * MiB;

/** A full collection, so the samples count what is still reachable rather than what is not yet swept. */
function fullGc(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('streamed upload memory', () => {
  const sources = {
    'a Node stream': (chunks: AsyncIterable<Uint8Array>) => Readable.from(chunks),
    'a web stream': (chunks: AsyncIterable<Uint8Array>) =>
      Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>,
  };

  it.each(Object.entries(sources))('keeps a 32 MiB upload from %s flat in memory', async (_, source) => {
    emulator = await startEmulatorServer({
      handler: (request) => ({
        status: 200,
        body: {
          bytes: request.body.byteLength,
          sha256: createHash('sha256').update(request.body).digest('hex'),
        },
      }),
    });
    const gc = fullGc();
    const hash = createHash('sha256');
    let produced = 0;
    let worstRetained = 0;
    gc();
    const baseline = process.memoryUsage().arrayBuffers;

    // The kit server runs in this process and holds every byte it has received until the request ends,
    // so growth minus the bytes produced so far is what the client side keeps beyond them. Bytes still
    // in kernel socket buffers only make that figure smaller by a few MiB at most; a client keeping the
    // chunks it has sent would push it towards the body size.
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let index = 0; produced < TOTAL; index++) {
        if (index % 32 === 0) {
          gc();
          const retained = process.memoryUsage().arrayBuffers - baseline - produced;
          worstRetained = Math.max(worstRetained, retained);
        }
        const chunk = new Uint8Array(CHUNK).fill(index % 251);
        hash.update(chunk);
        produced += chunk.byteLength;
        yield chunk;
      }
    }

    const transport = createTransport({ baseUrl: emulator.url, retry: false });
    const response = await transport.send<{ bytes: number; sha256: string }>({
      method: 'PUT',
      path: '/upload',
      body: { stream: source(chunks()), contentLength: TOTAL },
    });

    expect(response.data).toEqual({ bytes: TOTAL, sha256: hash.digest('hex') });
    expect(worstRetained).toBeLessThan(8 * MiB);
  });
});
