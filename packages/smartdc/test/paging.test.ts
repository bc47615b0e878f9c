import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient, type SmartdcClient } from '../src/index.js';
import { generateKey, tempDir } from './support/ssh-keys.js';

describe('ListMachines paging past 1000', () => {
  let emulator: SmartdcEmulator;
  let triton: SmartdcClient;
  let cleanup: () => Promise<void>;
  const queries: URLSearchParams[] = [];
  const counts: string[] = [];

  beforeAll(async () => {
    const dir = await tempDir('smartdc-paging-');
    cleanup = dir.remove;
    const key = await generateKey(dir.path, 'id_rsa', 'rsa');
    emulator = await startSmartdcEmulator({ seed: { machines: 2500 } });
    emulator.addKey(key.publicKey);
    triton = createSmartdcClient({
      url: emulator.url,
      account: emulator.account,
      keyId: key.md5,
      key: key.privateKeyFile,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        queries.push(new URL(request.url).searchParams);
        const response = await fetch(request);
        counts.push(response.headers.get('x-resource-count') ?? '');
        return response;
      },
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await cleanup?.();
  });

  it('walks 2,500 machines in pages of 1000, stopping at the first short page', async () => {
    queries.length = 0;
    counts.length = 0;
    const machines = await triton.machines.list().toArray();
    expect(machines).toHaveLength(2500);
    expect(new Set(machines.map((m) => m.id)).size).toBe(2500);
    expect(queries.map((q) => [q.get('offset'), q.get('limit')])).toEqual([
      ['0', '1000'],
      ['1000', '1000'],
      ['2000', '1000'],
    ]);
    // x-resource-count is the page size, not the total: py-smartdc's loop never got past one page.
    expect(counts).toEqual(['1000', '1000', '500']);
  });

  it('needs one extra empty page when the total is a multiple of the page size', async () => {
    queries.length = 0;
    expect(await triton.machines.list({}, { pageSize: 500 }).toArray()).toHaveLength(2500);
    expect(queries.map((q) => q.get('offset'))).toEqual(['0', '500', '1000', '1500', '2000', '2500']);
  });

  it('fetches lazily: breaking early stops fetching', async () => {
    queries.length = 0;
    let seen = 0;
    for await (const machine of triton.machines.list({}, { pageSize: 100 })) {
      expect(machine.state).toBe('running');
      if (++seen === 150) break;
    }
    expect(queries).toHaveLength(2);
  });

  it('starts at an offset and applies filters to every page', async () => {
    queries.length = 0;
    const tail = await triton.machines
      .list({ state: 'running', tags: { seed: true } }, { offset: 2400 })
      .toArray();
    expect(tail).toHaveLength(100);
    expect(queries[0]?.get('state')).toBe('running');
    expect(queries[0]?.get('tag.seed')).toBe('true');
    expect(await triton.machines.countPage()).toBe(1000);
  });

  it('rejects an unknown state filter like CloudAPI', async () => {
    await expect(triton.machines.list({ state: 'sleeping' as never }).toArray()).rejects.toMatchObject({
      status: 409,
      details: { code: 'InvalidArgument', message: 'sleeping is not a valid state' },
    });
  });
});
