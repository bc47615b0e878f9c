import { AbortError, WaitTimeoutError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SmartdcEmulator } from '../src/emulator/index.js';
import type { SmartdcClient } from '../src/index.js';
import { startEmulatorClient } from './support/emulator-client.js';

describe('machine waits: deadline and abort', () => {
  let emulator: SmartdcEmulator;
  let triton: SmartdcClient;
  let close: () => Promise<void>;
  let image: string;

  beforeAll(async () => {
    // Provisioning never finishes within these tests.
    ({
      emulator,
      client: triton,
      close,
    } = await startEmulatorClient({ delays: { provisionMs: 3_600_000 } }, 'smartdc-wait-'));
    image = (await triton.images.resolve('sdc:sdc:base64:')).id;
  });
  afterAll(async () => {
    await close?.();
  });

  it('gives up at the deadline with the last state, after a bounded number of polls', async () => {
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    let clockMs = 0;
    const before = emulator.requestCount;
    const error = await triton
      .waitForMachineState(machine.id, ['running'], {
        timeoutMs: 60_000,
        minDelayMs: 1_000,
        maxDelayMs: 8_000,
        random: () => 1,
        // A virtual clock: each sleep advances it instead of waiting.
        clock: () => clockMs,
        sleep: async (ms) => {
          clockMs += ms;
        },
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitTimeoutError);
    expect((error as WaitTimeoutError).lastState).toBe('provisioning');
    const polls = emulator.requestCount - before;
    // The last scheduled check may be abandoned at the deadline before it reaches the server.
    expect(polls).toBeLessThanOrEqual((error as WaitTimeoutError).attempts);
    // 1 + 2 + 4 + 8 + 8 ... s within 60 s: far fewer than 60 fixed one-second polls.
    expect(polls).toBeLessThanOrEqual(12);
    expect(polls).toBeGreaterThanOrEqual(5);
  });

  it('stops at once when aborted, with an AbortError, and sends nothing after', async () => {
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    const controller = new AbortController();
    const waiting = triton.waitForMachineState(machine.id, 'running', {
      minDelayMs: 50,
      signal: controller.signal,
      onProgress: ({ attempt }) => {
        if (attempt === 2) controller.abort();
      },
    });
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    const after = emulator.requestCount;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(emulator.requestCount).toBe(after);
  });

  it('refuses an already aborted signal before any request', async () => {
    const before = emulator.requestCount;
    await expect(
      triton.waitForMachineState('4f0b7c9e-0000-4000-8000-000000000000', 'running', {
        signal: AbortSignal.abort(),
      }),
    ).rejects.toBeInstanceOf(AbortError);
    expect(emulator.requestCount).toBe(before);
  });

  it('returns a purged marker when waiting for deleted and the machine is gone (404)', async () => {
    const result = await triton.waitForMachineState('4f0b7c9e-0000-4000-8000-000000000000', 'deleted', {
      minDelayMs: 10,
    });
    expect(result).toEqual({ id: '4f0b7c9e-0000-4000-8000-000000000000', state: 'deleted', purged: true });
  });
});
