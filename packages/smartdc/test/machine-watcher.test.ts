import { WaitFailureError } from '@nimbus-sdk/core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient } from '../src/index.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

const PROVISION_MS = 10_000;

/**
 * An emulator whose job clock only moves when the test says so, and a client that counts the
 * GetMachine and ListMachines requests it sends (through its `fetch` option, so retries count).
 */
async function setUp(key: TestKey, seedMachines = 0) {
  const base = Date.now();
  let offset = 0;
  const emulator = await startSmartdcEmulator({
    seed: { machines: seedMachines },
    delays: { provisionMs: PROVISION_MS, deleteMs: 100 },
    clock: () => new Date(base + offset),
  });
  emulator.addKey(key.publicKey);
  const calls = { list: 0, get: 0 };
  const machinesPath = `/${emulator.account}/machines`;
  const triton = createSmartdcClient({
    url: emulator.url,
    account: emulator.account,
    keyId: key.md5,
    key: key.privateKeyFile,
    fetch: (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if ((init?.method ?? 'GET') === 'GET') {
        if (url.pathname === machinesPath) calls.list += 1;
        else if (url.pathname.startsWith(`${machinesPath}/`)) calls.get += 1;
      }
      return fetch(input, init);
    },
  });
  const image = (await triton.images.resolve('base64')).id;
  const create = async (count: number) =>
    Promise.all(
      Array.from({ length: count }, () => triton.machines.create({ image, package: 'g4-highcpu-256M' })),
    );
  return {
    emulator,
    triton,
    calls,
    create,
    /** Moves the emulator's job clock past every provisioning. */
    finishJobs: () => {
      offset += PROVISION_MS + 1_000;
    },
  };
}

describe('machine waits through the client-wide watcher (CloudAPI emulator)', () => {
  let key: TestKey;
  let cleanup: () => Promise<void>;
  let emulator: SmartdcEmulator | undefined;

  beforeAll(async () => {
    const dir = await tempDir('smartdc-watch-');
    cleanup = dir.remove;
    key = await generateKey(dir.path, 'id_rsa', 'rsa');
    return () => cleanup();
  });
  afterEach(async () => {
    await emulator?.close();
    emulator = undefined;
  });

  it('serves 40 concurrent waits with one ListMachines per tick and no GetMachine', async () => {
    const setup = await setUp(key);
    emulator = setup.emulator;
    const machines = await setup.create(40);
    setup.calls.list = 0;
    const results = await Promise.all(
      machines.map((m, i) =>
        setup.triton.waitForMachineState(m.id, 'running', {
          // Provisioning ends after the second tick has seen every machine still provisioning.
          onProgress: ({ attempt }) => {
            if (i === 0 && attempt === 2) setup.finishJobs();
          },
        }),
      ),
    );
    expect(results.map((m) => m.state)).toEqual(machines.map(() => 'running'));
    expect(results.map((m) => m.id)).toEqual(machines.map((m) => m.id));
    expect(setup.calls).toEqual({ list: 3, get: 0 });
  });

  it('keeps one GetMachine per tick for a single wait', async () => {
    const setup = await setUp(key);
    emulator = setup.emulator;
    const [machine] = await setup.create(1);
    setup.calls.list = 0;
    const result = await setup.triton.waitForMachineState(machine?.id as string, ['running'], {
      onProgress: ({ attempt }) => {
        if (attempt === 2) setup.finishJobs();
      },
    });
    expect(result.state).toBe('running');
    expect(setup.calls).toEqual({ list: 0, get: 3 });
  });

  it('fails only the wait whose machine was deleted, confirmed with one GetMachine (410)', async () => {
    const setup = await setUp(key);
    emulator = setup.emulator;
    const machines = await setup.create(3);
    const doomed = machines[1]?.id as string;
    setup.calls.list = 0;
    let deleting: Promise<void> | undefined;
    const outcomes = await Promise.allSettled(
      machines.map((m, i) =>
        setup.triton.waitForMachineState(m.id, 'running', {
          onProgress: ({ attempt }) => {
            if (i !== 0 || attempt !== 1) return;
            deleting = setup.triton.machines.delete(doomed).then(setup.finishJobs);
          },
        }),
      ),
    );
    await deleting;
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (outcomes[1] as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(WaitFailureError);
    expect(error.message).toContain(`machine ${doomed} was deleted while waiting`);
    // The deleted machine left ListMachines; the one GetMachine that confirmed it saw 410.
    expect(setup.calls.get).toBe(1);
  });

  it('pages through ListMachines so machines past the first 1000 are seen without GetMachine', async () => {
    const setup = await setUp(key, 1_000);
    emulator = setup.emulator;
    const machines = await setup.create(2);
    setup.calls.list = 0;
    const results = await Promise.all(
      machines.map((m, i) =>
        setup.triton.waitForMachineState(m.id, 'running', {
          onProgress: ({ attempt }) => {
            if (i === 0 && attempt === 2) setup.finishJobs();
          },
        }),
      ),
    );
    expect(results.map((m) => m.state)).toEqual(['running', 'running']);
    // Three ticks, each a full page of 1000 and a second page with the rest.
    expect(setup.calls).toEqual({ list: 6, get: 0 });
  });

  it('waits alone, with its own backoff, when given timing options', async () => {
    const setup = await setUp(key);
    emulator = setup.emulator;
    const machines = await setup.create(2);
    setup.calls.list = 0;
    await Promise.all(
      machines.map((m) =>
        setup.triton.waitForMachineState(m.id, 'running', {
          minDelayMs: 10,
          onProgress: ({ attempt }) => {
            if (attempt === 2) setup.finishJobs();
          },
        }),
      ),
    );
    expect(setup.calls.list).toBe(0);
    expect(setup.calls.get).toBeGreaterThanOrEqual(4);
  });
});
