import { isApiError, sleep } from '@nimbus-sdk/core';
import type { CallOptions } from './context.js';
import type { ImageCreate, ImageRecord, Images } from './resources/images.js';

/** Options of {@link createImageOnce}. */
export interface CreateImageOnceOptions extends CallOptions {
  /** POSTs tried after a failure that may have created nothing. Default 3. */
  attempts?: number;
  /** First pause between attempts. Default 500 ms, doubled each time. */
  delayMs?: number;
}

/**
 * `POST /images` without ever making two records: the POST itself is not retried by the transport,
 * and when it fails in a way that may still have created the record (a 5xx, a dropped connection,
 * a timeout), the same-name records without a link are listed and one that was not there before
 * is adopted instead of POSTing again.
 */
export async function createImageOnce(
  images: Images,
  input: ImageCreate,
  options: CreateImageOnceOptions = {},
): Promise<ImageRecord> {
  const attempts = options.attempts ?? 3;
  let delay = options.delayMs ?? 500;
  const unlinkedSameName = async () =>
    (await images.list({ signal: options.signal }).toArray()).filter(
      (image) => image.name === input.name && image.link === null,
    );
  const before = new Set((await unlinkedSameName()).map((image) => image.id));
  for (let attempt = 1; ; attempt++) {
    try {
      return await images.create(input, { signal: options.signal });
    } catch (error) {
      // A transient failure, or a POST whose answer was lost after sending: either may have landed.
      const mayHaveLanded = isApiError(error) && (error.retryable || error.code === 'AMBIGUOUS_OUTCOME');
      if (!mayHaveLanded || attempt >= attempts) throw error;
      const landed = (await unlinkedSameName()).find((image) => !before.has(image.id));
      if (landed) return landed;
      await sleep(delay, options.signal);
      delay *= 2;
    }
  }
}
