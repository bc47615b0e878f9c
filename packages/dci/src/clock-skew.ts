import { isApiError, type SendOptions, type Transport, type TransportResponse } from '@nimbus-sdk/core';

/** A signing clock that can be shifted to agree with the server's. */
export interface SkewableClock {
  now(): Date;
  /** Aligns the clock with a server time read just now. */
  alignTo(serverNow: Date): void;
  /** Current correction in milliseconds (server minus local). */
  readonly offsetMs: number;
}

/** Wraps `base` with an adjustable offset. */
export function skewableClock(base: () => Date): SkewableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base().getTime() + offsetMs),
    alignTo(serverNow) {
      offsetMs = serverNow.getTime() - base().getTime();
    },
    get offsetMs() {
      return offsetMs;
    },
  };
}

function isExpiredSignature(error: unknown): boolean {
  return isApiError(error) && error.status === 400 && error.message.includes('signature is expired');
}

/**
 * DCI refuses signatures more than 15 minutes off its clock. On that answer, read the server's
 * `Date` (from the unauthenticated health route), shift the signing clock, and send once more.
 * Streamed bodies are not resent: they were consumed by the first attempt.
 */
export function correctClockSkew(
  transport: Transport,
  clock: SkewableClock,
  readServerDate: () => Promise<Date | undefined>,
): Transport {
  return {
    baseUrl: transport.baseUrl,
    auth: transport.auth,
    async send<T = unknown>(options: SendOptions): Promise<TransportResponse<T>> {
      try {
        return await transport.send<T>(options);
      } catch (error) {
        if (!isExpiredSignature(error) || (options.body !== undefined && 'stream' in options.body))
          throw error;
        const serverNow = await readServerDate().catch(() => undefined);
        if (!serverNow) throw error;
        clock.alignTo(serverNow);
        return transport.send<T>(options);
      }
    },
  };
}

/** Reads the `Date` header of `GET <api>/` (DCI's unauthenticated health route). */
export function serverDateReader(
  apiBase: string,
  fetchImpl: typeof fetch = globalThis.fetch,
): () => Promise<Date | undefined> {
  return async () => {
    const response = await fetchImpl(`${apiBase}/`);
    await response.body?.cancel();
    const header = response.headers.get('date');
    const date = header ? new Date(header) : undefined;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  };
}
