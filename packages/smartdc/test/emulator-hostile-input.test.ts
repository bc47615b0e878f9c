import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { MAX_METADATA_VALUE_BYTES } from '../src/emulator/input-rules.js';
import { type RawSigner, rawSigner } from './support/signed-request.js';

const IMAGE = '2b683a82-a066-11e3-97ab-2faa44701c5a';

let emulator: SmartdcEmulator;
let signer: RawSigner;
let machineId: string;

const send = (method: string, path: string, options?: Parameters<RawSigner['send']>[3]) =>
  signer.send(emulator.url, method, path, options);

async function waitForState(id: string, state: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const answer = await send('GET', `/my/machines/${id}`);
    if ((answer.body as { state?: string }).state === state) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`machine ${id} never became ${state}`);
}

beforeAll(async () => {
  signer = rawSigner();
  emulator = await startSmartdcEmulator({
    seed: { keys: [signer.publicKey] },
    delays: { provisionMs: 10, stopMs: 10, startMs: 10, snapshotMs: 10 },
  });
  const created = await send('POST', '/my/machines', {
    json: { image: IMAGE, package: 'g4-highcpu-256M', 'tag.role': 'web', 'metadata.owner': 'ops' },
  });
  expect(created.status).toBe(201);
  machineId = (created.body as { id: string }).id;
  await waitForState(machineId, 'running');
});
afterAll(() => emulator?.close());

const machine = () => emulator.state.machines.get(machineId);

describe('smartdc emulator under hostile input (issue 8)', () => {
  it('does not stop a machine for {"__proto__":{"action":"stop"}}: the key is not an inherited action', async () => {
    const answer = await send('POST', `/my/machines/${machineId}`, {
      body: '{"__proto__":{"action":"stop"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(409);
    expect(answer.body).toEqual({ code: 'MissingParameter', message: 'action is required' });
    expect(machine().state).toBe('running');
    expect(({} as Record<string, unknown>).action).toBeUndefined();
  });

  it('keeps __proto__ as an ordinary tag key', async () => {
    const answer = await send('POST', `/my/machines/${machineId}/tags`, {
      body: '{"__proto__":"x"}',
      headers: { 'content-type': 'application/json' },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(JSON.parse('{"role":"web","__proto__":"x"}'));
    const one = await send('GET', `/my/machines/${machineId}/tags/__proto__`);
    expect(one.body).toBe('x');
    await send('DELETE', `/my/machines/${machineId}/tags/__proto__`);
  });

  it('answers 400 InvalidContent to non-object JSON bodies on tags and metadata, changing nothing', async () => {
    for (const path of ['tags', 'metadata']) {
      for (const body of ['["a","b"]', '"text"', '5', 'null']) {
        const method = path === 'tags' && body === '5' ? 'PUT' : 'POST';
        const answer = await send(method, `/my/machines/${machineId}/${path}`, {
          body,
          headers: { 'content-type': 'application/json' },
        });
        expect(answer.status, `${method} ${path} ${body}`).toBe(400);
        expect(answer.body).toEqual({
          code: 'InvalidContent',
          message: 'request body must be a JSON object',
        });
      }
    }
    expect({ ...machine().tags }).toEqual({ role: 'web' });
    expect({ ...machine().metadata }).toEqual({ owner: 'ops' });
  });

  it('refuses oversized metadata: a 25 MiB body with 413 RequestTooLarge, a too-large value with 409', async () => {
    const huge = await send('POST', `/my/machines/${machineId}/metadata`, {
      json: { big: 'x'.repeat(25 * 1024 * 1024) },
    });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: 'RequestTooLarge' });
    const large = await send('POST', `/my/machines/${machineId}/metadata`, {
      json: { fine: 'ok', big: 'x'.repeat(MAX_METADATA_VALUE_BYTES + 1) },
    });
    expect(large.status).toBe(409);
    expect(large.body).toMatchObject({
      code: 'InvalidArgument',
      message: expect.stringContaining('metadata big'),
    });
    const nested = await send('POST', `/my/machines/${machineId}/metadata`, { json: { obj: { a: 1 } } });
    expect(nested.status).toBe(409);
    expect({ ...machine().metadata }).toEqual({ owner: 'ops' });
    const atLimit = await send('POST', `/my/machines/${machineId}/metadata`, {
      json: { edge: 'x'.repeat(MAX_METADATA_VALUE_BYTES) },
    });
    expect(atLimit.status).toBe(200);
    await send('DELETE', `/my/machines/${machineId}/metadata/edge`);
  });

  it('refuses snapshot, tag, metadata and key names that no path segment can address, creating nothing', async () => {
    for (const name of ['..', '.', 'a/b']) {
      const snapshot = await send('POST', `/my/machines/${machineId}/snapshots`, { json: { name } });
      expect(snapshot.status, `snapshot ${name}`).toBe(409);
      expect(snapshot.body).toMatchObject({
        code: 'InvalidArgument',
        message: expect.stringContaining('snapshot name'),
      });
      const tag = await send('POST', `/my/machines/${machineId}/tags`, { json: { ok: 'yes', [name]: 'v' } });
      expect(tag.status, `tag ${name}`).toBe(409);
      const metadata = await send('POST', `/my/machines/${machineId}/metadata`, { json: { [name]: 'v' } });
      expect(metadata.status, `metadata ${name}`).toBe(409);
      const key = await send('POST', '/my/keys', { json: { name, key: rawSigner().publicKey } });
      expect(key.status, `key ${name}`).toBe(409);
    }
    const emptyTag = await send('PUT', `/my/machines/${machineId}/tags`, { json: { '': 'v' } });
    expect(emptyTag.status).toBe(409);
    expect(machine().snapshots.size).toBe(0);
    expect({ ...machine().tags }).toEqual({ role: 'web' });
    expect({ ...machine().metadata }).toEqual({ owner: 'ops' });
    expect(emulator.state.keys.size).toBe(1);
  });

  it('answers 404 to raw dot segments after tags, metadata and snapshots, and the machine survives', async () => {
    for (const path of ['tags/..', 'tags/.', 'metadata/..', 'snapshots/..']) {
      const answer = await send('DELETE', `/my/machines/${machineId}/${path}`);
      expect(answer.status, path).toBe(404);
    }
    expect(machine().state).toBe('running');
    expect({ ...machine().tags }).toEqual({ role: 'web' });
  });

  it('refuses fwrule enabled:"yes" and a non-string description on create and update, changing nothing', async () => {
    const before = emulator.state.fwrules.size;
    const rule = 'FROM any TO all vms ALLOW tcp PORT 22';
    const yes = await send('POST', '/my/fwrules', { json: { rule, enabled: 'yes' } });
    expect(yes.status).toBe(409);
    expect(yes.body).toMatchObject({
      code: 'InvalidArgument',
      message: expect.stringContaining('enabled must be a boolean'),
    });
    const badDescription = await send('POST', '/my/fwrules', { json: { rule, description: 7 } });
    expect(badDescription.status).toBe(409);
    expect(emulator.state.fwrules.size).toBe(before);
    const created = await send('POST', '/my/fwrules', { json: { rule, enabled: 'true' } });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    const update = await send('POST', `/my/fwrules/${id}`, {
      json: { rule: 'FROM any TO all vms BLOCK tcp PORT 23', enabled: 1 },
    });
    expect(update.status).toBe(409);
    expect(emulator.state.fwrules.get(id)).toMatchObject({ rule, enabled: true });
  });

  it('refuses non-string account fields, changing nothing', async () => {
    const email = emulator.state.account.email;
    const answer = await send('POST', '/my', { json: { companyName: 'Acme', email: { to: 'x' } } });
    expect(answer.status).toBe(409);
    expect(emulator.state.account).toMatchObject({ email, companyName: 'Nimbus' });
  });
});
