import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SmartdcEmulator } from '../src/emulator/index.js';
import { createMachineBody, type SmartdcClient } from '../src/index.js';
import { startEmulatorClient } from './support/emulator-client.js';

const FAST = { minDelayMs: 10, maxDelayMs: 20, timeoutMs: 10_000 };

/** The SDK and emulator side of node-triton's habits: deletion protection, replace-all, filters. */
describe('triton habits against the emulator (SDK)', () => {
  let emulator: SmartdcEmulator;
  let triton: SmartdcClient;
  let close: () => Promise<void>;
  let image: string;

  beforeAll(async () => {
    ({
      emulator,
      client: triton,
      close,
    } = await startEmulatorClient({ delays: { provisionMs: 20, deleteMs: 20 } }, 'smartdc-habits-sdk-'));
    image = (await triton.images.resolve('base64')).id;
  });
  beforeEach(() => emulator.state.machines.clear());
  afterAll(async () => {
    await close?.();
  });

  it('refuses to delete a protected machine with 409 CannotDestroyMachineError until protection is off', async () => {
    const created = await triton.machines.create({
      image,
      package: 'g4-highcpu-256M',
      deletionProtection: true,
    });
    expect(created.deletion_protection).toBe(true);
    await triton.waitForMachineState(created.id, ['running'], FAST);
    await expect(triton.machines.delete(created.id)).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
      details: { code: 'CannotDestroyMachineError' },
    });
    expect((await triton.machines.get(created.id)).state).toBe('running');
    await triton.machines.disableDeletionProtection(created.id);
    expect((await triton.machines.get(created.id)).deletion_protection).toBe(false);
    await triton.machines.enableDeletionProtection(created.id);
    expect((await triton.machines.get(created.id)).deletion_protection).toBe(true);
    await triton.machines.disableDeletionProtection(created.id);
    await triton.machines.delete(created.id);
    expect((await triton.waitForMachineState(created.id, ['deleted'], FAST)).state).toBe('deleted');
  });

  it('replaces all tags with tags.replaceAll (PUT), dropping the ones not given', async () => {
    const m = await triton.machines.create({ image, package: 'g4-highcpu-256M', tags: { a: '1', b: '2' } });
    expect(await triton.tags.replaceAll(m.id, { c: 3 })).toEqual({ c: 3 });
    expect(await triton.tags.list(m.id)).toEqual({ c: 3 });
    const puts = emulator.requests.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.path)).toEqual([`/${emulator.account}/machines/${m.id}/tags`]);
  });

  it('filters ListMachines by docker, and refuses a docker value that is not true or false', async () => {
    const m = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    expect((await triton.machines.list({ docker: false }).toArray()).map((x) => x.id)).toEqual([m.id]);
    expect(await triton.machines.list({ docker: true }).toArray()).toEqual([]);
    await expect(
      triton.machines.list({ docker: 'yes' as unknown as boolean }).toArray(),
    ).rejects.toMatchObject({ status: 409 });
  });

  it('gets a network by id (GetNetwork)', async () => {
    const [first] = await triton.networks.list();
    expect(await triton.networks.get(first?.id ?? '')).toEqual(first);
  });

  it('builds the CreateMachine body a dry run prints, with the same checks as create', () => {
    expect(
      createMachineBody({
        image,
        package: 'p',
        name: 'web01',
        deletionProtection: true,
        tags: { role: 'web' },
        metadata: { a: 'b' },
      }),
    ).toEqual({
      image,
      package: 'p',
      name: 'web01',
      deletion_protection: true,
      'tag.role': 'web',
      'metadata.a': 'b',
    });
    expect(() => createMachineBody({ image, package: 'p', name: '-bad name' })).toThrow(/name/);
  });
});
