import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultController, type RunningEmulator, startEmulatorServer } from '../../src/testing/index.js';

let emulator: RunningEmulator;
let handled = 0;

beforeEach(async () => {
  handled = 0;
  emulator = await startEmulatorServer({
    handler: () => {
      handled++;
      return { status: 200, body: { ok: true } };
    },
  });
});
afterEach(() => emulator.close());

const get = () => fetch(emulator.url, { headers: { connection: 'close' } });

describe('FaultController', () => {
  it('fails exactly the next n requests with the status and body given', async () => {
    emulator.faults.failNext(2, 503, { error: 'maintenance' });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get()).status);
    expect(statuses).toEqual([503, 503, 200]);
    emulator.faults.failNext(1, 500);
    const response = await get();
    expect(await response.json()).toEqual({ message: 'injected fault: HTTP 500' });
    expect(handled).toBe(1);
  });

  it('rate limits with a Retry-After header', async () => {
    emulator.faults.rateLimitNext(1, 7);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await get()).status).toBe(200);
  });

  it('resets the connection without answering', async () => {
    emulator.faults.resetNext(1);
    await expect(get()).rejects.toThrow(/fetch failed/);
    expect(handled).toBe(0);
    expect((await get()).status).toBe(200);
  });

  it('applies queued faults in the order they were set', async () => {
    emulator.faults.rateLimitNext(1, 1).failNext(1, 502).resetNext(1);
    expect((await get()).status).toBe(429);
    expect((await get()).status).toBe(502);
    await expect(get()).rejects.toThrow();
    expect((await get()).status).toBe(200);
    expect(emulator.faults.pending).toBe(0);
  });

  it('delays every request by the injected latency until cleared', async () => {
    emulator.faults.latency(150);
    const started = performance.now();
    await get();
    // A lower bound is the behaviour under test; timers never fire early.
    expect(performance.now() - started).toBeGreaterThanOrEqual(149);
    emulator.faults.clear();
    expect(emulator.faults.latencyMs).toBe(0);
  });

  it('clear() drops queued faults and skew', async () => {
    emulator.faults.failNext(3, 500).skewClock(5000).clear();
    expect(emulator.faults.pending).toBe(0);
    expect(emulator.faults.clockSkewMs).toBe(0);
    expect((await get()).status).toBe(200);
  });

  it('rejects nonsense settings with a clear message', () => {
    const faults = new FaultController();
    expect(() => faults.failNext(1, 200)).toThrow(/status must be 400-599/);
    expect(() => faults.failNext(-1, 500)).toThrow(/whole number/);
    expect(() => faults.latency(-5)).toThrow(/latency/);
    expect(() => faults.rateLimitNext(1, Number.NaN)).toThrow(/retryAfterSeconds/);
  });

  it('can be shared: a controller passed in is the one exposed', async () => {
    const shared = new FaultController().failNext(1, 504);
    const other = await startEmulatorServer({ handler: () => ({ status: 200 }), faults: shared });
    try {
      expect(other.faults).toBe(shared);
      expect((await fetch(other.url)).status).toBe(504);
    } finally {
      await other.close();
    }
  });
});
