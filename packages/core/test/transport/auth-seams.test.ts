import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { correctClockSkew } from '../../src/auth/clock-skew.js';
import type { AuthStrategy } from '../../src/auth/types.js';
import { AuthenticationError, HttpError } from '../../src/errors/http-errors.js';
import { type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';
import { createTransport } from '../../src/transport/create-transport.js';

let emulator: RunningEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

const SKEW_LIMIT_MS = 15 * 60_000;

/** A server that refuses a signing date more than 15 minutes off its clock, as DCI does (400). */
async function skewCheckingServer(serverNow: Date) {
  const seen: string[] = [];
  emulator = await startEmulatorServer({
    handler: (request) => {
      const signed = new Date(String(request.headers['x-signed-at']));
      seen.push(signed.toISOString());
      if (Math.abs(signed.getTime() - serverNow.getTime()) > SKEW_LIMIT_MS) {
        return {
          status: 400,
          headers: { date: serverNow.toUTCString() },
          body: { message: 'HmacMechanism failed: signature is expired' },
        };
      }
      return { status: 200, body: { ok: true } };
    },
  });
  return { url: emulator.url, seen };
}

/** Writes the context clock into a header: the "signature" the server checks. */
const dateSigner: AuthStrategy = {
  kind: 'date-signer',
  authorize(request, context) {
    request.headers.set('x-signed-at', context.now().toISOString());
  },
  describe: () => 'date signer',
};

const isExpired = ({ error }: { error: { message: string } }) =>
  error.message.includes('signature is expired');

describe('transport seams', () => {
  it('classifyError re-types an error answer before the caller sees it', async () => {
    const { url } = await skewCheckingServer(new Date(Date.now() + 3 * 3600_000));
    const transport = createTransport({
      baseUrl: url,
      auth: dateSigner,
      retry: false,
      classifyError: (error) =>
        error.status === 400 && error.message.includes('HmacMechanism failed')
          ? new AuthenticationError(error.message, { status: 400, cause: error })
          : error,
    });
    const error = await transport.send({ method: 'GET', path: '/x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect((error as HttpError).status).toBe(400);
  });

  it('correctClockSkew aligns the signing clock with the server Date and sends once more, once', async () => {
    const serverNow = new Date(Date.now() + 3 * 3600_000);
    const { url, seen } = await skewCheckingServer(serverNow);
    const transport = createTransport({
      baseUrl: url,
      auth: correctClockSkew(dateSigner, { isSkewed: isExpired }),
      retry: { limit: 3, baseDelayMs: 1 },
    });
    await expect(transport.send({ method: 'GET', path: '/x' })).resolves.toMatchObject({ status: 200 });
    expect(seen).toHaveLength(2);
    // Later calls sign with the corrected clock from the first attempt.
    await transport.send({ method: 'GET', path: '/x' });
    expect(seen).toHaveLength(3);
  });

  it('recovers at most once per call, and leaves the answer alone when the strategy cannot help', async () => {
    const { url, seen } = await skewCheckingServer(new Date(Date.now() + 3 * 3600_000));
    let asked = 0;
    const stubborn: AuthStrategy = {
      ...dateSigner,
      onRejected: () => {
        asked++;
        return true;
      },
    };
    const transport = createTransport({ baseUrl: url, auth: stubborn, retry: { limit: 3, baseDelayMs: 1 } });
    await expect(transport.send({ method: 'GET', path: '/x' })).rejects.toBeInstanceOf(HttpError);
    expect([asked, seen.length]).toEqual([1, 2]);

    const noDate = correctClockSkew(dateSigner, { isSkewed: isExpired, serverTime: () => undefined });
    const plain = createTransport({ baseUrl: url, auth: noDate, retry: false });
    await expect(plain.send({ method: 'GET', path: '/x' })).rejects.toThrow(/signature is expired/);
    expect(seen).toHaveLength(3);
  });

  it('never re-sends a streamed body', async () => {
    const { url, seen } = await skewCheckingServer(new Date(Date.now() + 3 * 3600_000));
    const transport = createTransport({
      baseUrl: url,
      auth: correctClockSkew(dateSigner, { isSkewed: isExpired }),
      retry: false,
    });
    const body = { stream: Readable.from([Buffer.from('payload')]), contentLength: 7 };
    await expect(transport.send({ method: 'PUT', path: '/x', body })).rejects.toThrow(/signature is expired/);
    expect(seen).toHaveLength(1);
  });
});
