import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient, type SmartdcClient } from '../src/index.js';
import { generateKey, tempDir } from './support/ssh-keys.js';

const FAST = { minDelayMs: 10, maxDelayMs: 30, timeoutMs: 10_000 };

describe('emulator behaviours beyond the happy path', () => {
  let emulator: SmartdcEmulator;
  let strict: SmartdcEmulator;
  let triton: SmartdcClient;
  let strictTriton: SmartdcClient;
  let cleanup: () => Promise<void>;
  const authorizations: string[] = [];

  beforeAll(async () => {
    const dir = await tempDir('smartdc-behaviour-');
    cleanup = dir.remove;
    const key = await generateKey(dir.path, 'id_rsa', 'rsa');
    const delays = { provisionMs: 20, stopMs: 20, startMs: 20 };
    emulator = await startSmartdcEmulator({ delays, seed: { keys: [key.publicKey] } });
    strict = await startSmartdcEmulator({
      delays,
      seed: { keys: [key.publicKey] },
      behaviour: { strictStates: true },
    });
    const options = { account: 'nimbus', keyId: key.md5, key: key.privateKeyFile };
    triton = createSmartdcClient({
      ...options,
      url: emulator.url,
      retry: { baseDelayMs: 1, maxDelayMs: 5 },
      // Dates have one-second resolution: a clock that moves a second per attempt makes each
      // attempt's signature distinct, so the test can see that every attempt was signed anew.
      clock: () => new Date(Date.now() + authorizations.length * 1000),
      fetch: async (input, init) => {
        const request = new Request(input, init);
        authorizations.push(`${request.headers.get('date')} ${request.headers.get('authorization')}`);
        return fetch(request);
      },
    });
    strictTriton = createSmartdcClient({ ...options, url: strict.url });
  });
  beforeEach(() => {
    authorizations.length = 0;
    emulator.faults.clear();
  });
  afterAll(async () => {
    await emulator?.close();
    await strict?.close();
    await cleanup?.();
  });

  it('re-signs every retry with a fresh Date after injected 503s', async () => {
    emulator.faults.failNext(2, 503, { code: 'ServiceUnavailable', message: 'maintenance' });
    expect((await triton.account.get()).login).toBe('nimbus');
    expect(authorizations).toHaveLength(3);
    expect(new Set(authorizations).size).toBe(3);
  });

  it('does not retry a POST that is not idempotent', async () => {
    const image = (await triton.images.resolve('base64')).id;
    authorizations.length = 0;
    emulator.faults.failNext(1, 503, { code: 'ServiceUnavailable', message: 'maintenance' });
    await expect(triton.machines.create({ image, package: 'g4-highcpu-256M' })).rejects.toMatchObject({
      status: 503,
      code: 'SERVER',
    });
    expect(authorizations).toHaveLength(1);
  });

  it('treats start on a running machine as a no-op by default, and as 409 InvalidState in strict mode', async () => {
    for (const [client, expectConflict] of [
      [triton, false],
      [strictTriton, true],
    ] as const) {
      const image = (await client.images.resolve('base64')).id;
      const machine = await client.machines.create({ image, package: 'g4-highcpu-256M' });
      await client.waitForMachineState(machine.id, 'running', FAST);
      const outcome = client.machines.start(machine.id);
      if (expectConflict) {
        await expect(outcome).rejects.toMatchObject({ status: 409, details: { code: 'InvalidState' } });
      } else {
        await expect(outcome).resolves.toBeUndefined();
      }
      await expect(client.machines.reboot(machine.id)).resolves.toBeUndefined();
    }
  });

  it('answers unknown routes and methods in restify style', async () => {
    await expect(triton.images.get('not-a-uuid')).rejects.toMatchObject({ status: 404 });
    const image = (await triton.images.resolve('base64')).id;
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    await expect(triton.machines.get(`${machine.id}x`)).rejects.toMatchObject({
      status: 404,
      details: { code: 'ResourceNotFound' },
    });
  });
});
