import { isApiError, pollUntil, WaitFailureError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SmartdcEmulator } from '../src/emulator/index.js';
import type { SmartdcClient } from '../src/index.js';
import { startEmulatorClient } from './support/emulator-client.js';

const FAST = { minDelayMs: 20, maxDelayMs: 50, timeoutMs: 10_000 };

describe('machines against the emulator', () => {
  let emulator: SmartdcEmulator;
  let triton: SmartdcClient;
  let close: () => Promise<void>;
  let image: string;

  beforeAll(async () => {
    ({
      emulator,
      client: triton,
      close,
    } = await startEmulatorClient(
      {
        // The snapshot stays queued long enough for the boot-while-queued check to run on a busy machine.
        delays: { provisionMs: 150, stopMs: 100, startMs: 100, deleteMs: 100, snapshotMs: 1_000 },
      },
      'smartdc-life-',
    ));
    image = (await triton.images.resolve('base64')).id;
  });
  beforeEach(() => emulator.state.machines.clear());
  afterAll(async () => {
    await close?.();
  });

  it('creates, runs, stops, snapshots, boots from the snapshot and deletes a machine', async () => {
    const created = await triton.machines.create({
      image,
      package: 'g4-highcpu-512M',
      name: 'web-1',
      tags: { role: 'web' },
      metadata: { owner: 'ops' },
      userScript: '#!/bin/sh\necho hi',
    });
    expect(created.state).toBe('provisioning');
    expect(created.tags).toEqual({ role: 'web' });
    expect(created.metadata).toEqual({ owner: 'ops', 'user-script': '#!/bin/sh\necho hi' });

    const seen: string[] = [];
    const running = await triton.waitForMachineState(created.id, ['running'], {
      ...FAST,
      onProgress: ({ state }) => seen.push(state),
    });
    expect(running.state).toBe('running');
    expect(seen.every((state) => state === 'provisioning')).toBe(true);
    expect('ips' in running && running.ips.length).toBeGreaterThan(0);

    await triton.machines.stop(created.id);
    expect((await triton.machines.get(created.id)).state).toBe('stopping');
    expect((await triton.waitForMachineState(created.id, 'stopped', FAST)).state).toBe('stopped');

    const snapshot = await triton.snapshots.create(created.id, 'before-upgrade');
    expect(snapshot).toEqual({ name: 'before-upgrade', state: 'queued' });
    await expect(triton.snapshots.boot(created.id, 'before-upgrade')).rejects.toMatchObject({
      code: 'CONFLICT',
      status: 409,
    });
    const ready = await pollUntil(
      (signal) => triton.snapshots.get(created.id, 'before-upgrade', { signal }),
      (s) => s.state === 'created',
      FAST,
    );
    expect(ready.state).toBe('created');
    expect((await triton.snapshots.list(created.id)).map((s) => s.name)).toEqual(['before-upgrade']);
    await triton.snapshots.boot(created.id, 'before-upgrade');
    expect((await triton.pollUntil(created.id, 'running', FAST)).state).toBe('running');
    await triton.snapshots.delete(created.id, 'before-upgrade');
    await expect(triton.snapshots.get(created.id, 'before-upgrade')).rejects.toMatchObject({ status: 404 });

    await triton.machines.delete(created.id);
    const gone = await triton.waitForMachineState(created.id, ['deleted'], FAST);
    expect(gone.state).toBe('deleted');
    const error = await triton.machines.get(created.id).catch((e: unknown) => e);
    expect(isApiError(error) && error.status).toBe(410);
    expect(await triton.machines.list().toArray()).toEqual([]);
    expect((await triton.machines.list({ tombstone: true }).toArray()).map((m) => m.id)).toEqual([
      created.id,
    ]);
  });

  it('ends the wait with a WaitFailureError when provisioning fails', async () => {
    emulator.failNextProvisions(1);
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    const error = await triton.waitForMachineState(machine.id, ['running'], FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailureError);
    expect((error as WaitFailureError).state).toBe('failed');
    expect((error as Error).message).toContain('failed');
  });

  it('waits while a state holds (poll_while) and reports a machine deleted while waiting for running', async () => {
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M', name: 'short' });
    const left = await triton.pollWhile(machine.id, 'provisioning', FAST);
    expect(left.state).toBe('running');
    await triton.machines.delete(machine.id);
    await triton.waitForMachineState(machine.id, 'deleted', FAST);
    const error = await triton.waitForMachineState(machine.id, 'running', FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaitFailureError);
    expect((error as Error).message).toMatch(/deleted/);
  });

  it('applies actions: rename, resize, firewall, deletion protection', async () => {
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M', name: 'db-1' });
    await triton.waitForMachineState(machine.id, 'running', FAST);
    await triton.machines.rename(machine.id, 'db-2');
    await triton.machines.resize(machine.id, 'g4-highcpu-1G');
    await triton.machines.enableFirewall(machine.id);
    await triton.machines.enableDeletionProtection(machine.id);
    const after = await triton.machines.get(machine.id);
    expect(after).toMatchObject({
      name: 'db-2',
      package: 'g4-highcpu-1G',
      memory: 1024,
      firewall_enabled: true,
    });
    await expect(triton.machines.delete(machine.id)).rejects.toMatchObject({ status: 409, code: 'CONFLICT' });
    await triton.machines.disableDeletionProtection(machine.id);
    await triton.machines.delete(machine.id);
  });

  it('keeps metadata and tags like CloudAPI', async () => {
    const machine = await triton.machines.create({ image, package: 'g4-highcpu-256M' });
    await triton.waitForMachineState(machine.id, 'running', FAST);
    expect(await triton.metadata.update(machine.id, { a: '1', b: '2' })).toEqual({ a: '1', b: '2' });
    expect(await triton.metadata.get(machine.id, 'a')).toBe('1');
    await triton.metadata.delete(machine.id, 'a');
    expect(await triton.metadata.list(machine.id)).toEqual({ b: '2' });
    await expect(triton.metadata.delete(machine.id, 'credentials')).rejects.toMatchObject({ status: 409 });
    await triton.metadata.deleteAll(machine.id);
    expect(await triton.metadata.list(machine.id)).toEqual({});

    expect(await triton.tags.add(machine.id, { env: 'prod', tier: 2 })).toEqual({ env: 'prod', tier: 2 });
    expect(await triton.tags.get(machine.id, 'tier')).toBe('2');
    expect((await triton.machines.list({ tags: { env: 'prod' } }).toArray()).map((m) => m.id)).toEqual([
      machine.id,
    ]);
    expect(await triton.tags.replace(machine.id, { only: true })).toEqual({ only: true });
    await triton.tags.delete(machine.id, 'only');
    expect(await triton.tags.list(machine.id)).toEqual({});
    await expect(triton.tags.get(machine.id, 'only')).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
  });

  it('rejects bad input before sending anything', async () => {
    const before = emulator.requestCount;
    await expect(triton.machines.create({ image, package: 'p', name: '-bad name' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(triton.machines.get('')).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(triton.keys.add('not a key')).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(() => triton.machines.list({}, { pageSize: 1001 })).toThrow(/pageSize/);
    expect(emulator.requestCount).toBe(before);
  });

  it('maps CloudAPI error bodies: code, message, request id', async () => {
    const error = await triton.machines
      .create({ image: '00000000-0000-4000-8000-000000000000', package: 'g4-highcpu-256M' })
      .catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    if (!isApiError(error)) return;
    expect(error.status).toBe(409);
    expect(error.message).toContain('is not a valid image');
    expect(error.details).toEqual({
      code: 'InvalidArgument',
      message: expect.stringContaining('not a valid image'),
    });
    expect(error.requestId).toMatch(/[0-9a-f-]{36}/);
  });
});
