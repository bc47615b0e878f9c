import { isApiError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient, type SmartdcClient } from '../src/index.js';
import { generateKey, tempDir } from './support/ssh-keys.js';

/** Values URL parsing would turn into another path: collapsed steps, an empty step, another level. */
const BAD_SEGMENTS = ['.', '..', '', 'a/b', '../..'];

type Call = (client: SmartdcClient, id: string, bad: string) => Promise<unknown>;

/** Every path-taking SDK method, once per path parameter (a good machine id elsewhere). */
const CALLS: Record<string, Call> = {
  'keys.get(name)': (c, _id, bad) => c.keys.get(bad),
  'keys.delete(name)': (c, _id, bad) => c.keys.delete(bad),
  'images.get(id)': (c, _id, bad) => c.images.get(bad),
  'images.delete(id)': (c, _id, bad) => c.images.delete(bad),
  'packages.get(idOrName)': (c, _id, bad) => c.packages.get(bad),
  'networks.get(id)': (c, _id, bad) => c.networks.get(bad),
  'firewallRules.get(id)': (c, _id, bad) => c.firewallRules.get(bad),
  'firewallRules.update(id)': (c, _id, bad) => c.firewallRules.update(bad, { description: 'x' }),
  'firewallRules.enable(id)': (c, _id, bad) => c.firewallRules.enable(bad),
  'firewallRules.disable(id)': (c, _id, bad) => c.firewallRules.disable(bad),
  'firewallRules.delete(id)': (c, _id, bad) => c.firewallRules.delete(bad),
  'firewallRules.machines(id)': (c, _id, bad) => c.firewallRules.machines(bad),
  'machines.get(id)': (c, _id, bad) => c.machines.get(bad),
  'machines.stop(id)': (c, _id, bad) => c.machines.stop(bad),
  'machines.rename(id)': (c, _id, bad) => c.machines.rename(bad, 'renamed'),
  'machines.delete(id)': (c, _id, bad) => c.machines.delete(bad),
  'tags.list(machineId)': (c, _id, bad) => c.tags.list(bad),
  'tags.get(key)': (c, id, bad) => c.tags.get(id, bad),
  'tags.add(machineId)': (c, _id, bad) => c.tags.add(bad, { a: 'b' }),
  'tags.replace(machineId)': (c, _id, bad) => c.tags.replace(bad, { a: 'b' }),
  'tags.delete(key)': (c, id, bad) => c.tags.delete(id, bad),
  'tags.delete(machineId)': (c, _id, bad) => c.tags.delete(bad, 'role'),
  'tags.deleteAll(machineId)': (c, _id, bad) => c.tags.deleteAll(bad),
  'metadata.get(key)': (c, id, bad) => c.metadata.get(id, bad),
  'metadata.update(machineId)': (c, _id, bad) => c.metadata.update(bad, { a: 'b' }),
  'metadata.delete(key)': (c, id, bad) => c.metadata.delete(id, bad),
  'metadata.deleteAll(machineId)': (c, _id, bad) => c.metadata.deleteAll(bad),
  'snapshots.list(machineId)': (c, _id, bad) => c.snapshots.list(bad),
  'snapshots.create(machineId)': (c, _id, bad) => c.snapshots.create(bad, 'snap'),
  'snapshots.create(name)': (c, id, bad) => c.snapshots.create(id, bad),
  'snapshots.get(name)': (c, id, bad) => c.snapshots.get(id, bad),
  'snapshots.boot(name)': (c, id, bad) => c.snapshots.boot(id, bad),
  'snapshots.delete(name)': (c, id, bad) => c.snapshots.delete(id, bad),
  'waitForMachineState(id)': async (c, _id, bad) =>
    c.waitForMachineState(bad, ['running'], { timeoutMs: 5_000 }),
  'pollWhile(id)': async (c, _id, bad) => c.pollWhile(bad, 'provisioning', { timeoutMs: 5_000 }),
};

describe('path parameters that would change the addressed resource', () => {
  let emulator: SmartdcEmulator;
  let triton: SmartdcClient;
  let cleanup: () => Promise<void>;
  let machineId: string;
  const sent: string[] = [];

  beforeAll(async () => {
    const dir = await tempDir('smartdc-paths-');
    cleanup = dir.remove;
    const key = await generateKey(dir.path, 'id_rsa', 'rsa');
    emulator = await startSmartdcEmulator({ seed: { machines: 1 } });
    emulator.addKey(key.publicKey);
    triton = createSmartdcClient({
      url: emulator.url,
      account: emulator.account,
      keyId: key.md5,
      key: key.privateKeyFile,
      fetch: (input, init) => {
        sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
        return fetch(input, init);
      },
    });
    for await (const machine of triton.machines.list()) {
      machineId = machine.id;
      break;
    }
    if (!machineId) throw new Error('the seeded emulator has no machine');
  });
  afterAll(async () => {
    await emulator?.close();
    await cleanup?.();
  });

  for (const [method, call] of Object.entries(CALLS)) {
    it.each(BAD_SEGMENTS)(`${method} refuses %j before any request`, async (bad) => {
      sent.length = 0;
      const error = await call(triton, machineId, bad).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isApiError(error) && error.code, String(error)).toBe('VALIDATION');
      expect(sent).toEqual([]);
    });
  }

  it.each([
    ['tags.add', (c: SmartdcClient, id: string, v: Record<string, string>) => c.tags.add(id, v)],
    ['tags.replace', (c: SmartdcClient, id: string, v: Record<string, string>) => c.tags.replace(id, v)],
    [
      'metadata.update',
      (c: SmartdcClient, id: string, v: Record<string, string>) => c.metadata.update(id, v),
    ],
  ])('%s refuses a prototype key from parsed JSON before any request', async (_name, call) => {
    for (const text of ['{"__proto__": {"action": "stop"}}', '{"constructor": "x"}']) {
      sent.length = 0;
      const values = JSON.parse(text) as Record<string, string>;
      const error = await call(triton, machineId, values).catch((caught: unknown) => caught);
      expect(isApiError(error) && error.code).toBe('VALIDATION');
      expect(sent).toEqual([]);
    }
  });

  it('leaves the machine, its tags and metadata in place', async () => {
    const machine = await triton.machines.get(machineId);
    expect(machine.state).not.toBe('deleted');
  });
});
