import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImsEmulator } from '../src/emulator/index.js';
import { createImageOnce } from '../src/safe-image-create.js';
import { clientFor, startEmulator } from './emulator-fixture.js';

let ims: ImsEmulator;

beforeAll(async () => {
  ims = await startEmulator();
});
beforeEach(() => ims.reset());
afterAll(() => ims.close());

/** A fetch that delivers every request but loses the answer of the first POST /images. */
function losingFirstPostAnswer(): typeof fetch {
  let lost = false;
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!lost && init?.method === 'POST' && url.endsWith('/images')) {
      lost = true;
      await response.body?.cancel();
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }),
      });
    }
    return response;
  };
}

describe('createImageOnce', () => {
  it('adopts the record a lost POST created instead of POSTing a second one', async () => {
    const client = clientFor(ims, { fetch: losingFirstPostAnswer() });
    const image = await createImageOnce(client.images, { name: 'rootfs-1' }, { delayMs: 1 });
    const all = await client.images.list().toArray();
    expect(all).toEqual([image]);
  });

  it('POSTs again after a 503 that created nothing, and makes exactly one record', async () => {
    let posts = 0;
    // The server answers the first POST with 503 before IMS sees it, so nothing was created.
    const failingFirstPost: typeof fetch = (input, init) => {
      if (init?.method === 'POST' && String(input).endsWith('/images') && posts++ === 0)
        ims.faults.failNext(1, 503);
      return fetch(input, init);
    };
    const client = clientFor(ims, { fetch: failingFirstPost });
    const image = await createImageOnce(client.images, { name: 'rootfs-2' }, { delayMs: 1 });
    expect(posts).toBe(2);
    expect(await client.images.list().toArray()).toEqual([image]);
  });

  it('does not retry a 422', async () => {
    const client = clientFor(ims);
    await expect(
      createImageOnce(client.images, { name: 'x', link: { path: 's3://b/k', type: 's3' } }, { delayMs: 1 }),
    ).rejects.toMatchObject({ status: 422 });
    expect(await client.images.list().toArray()).toEqual([]);
  });
});
