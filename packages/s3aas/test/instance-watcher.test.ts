import { WaitFailureError } from '@nimbus-sdk/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3aasEmulator } from '../src/emulator/index.js';
import { clientFor, instanceInput, startEmulator } from './fixture.js';

const INSTANCES = '/v1/types/s3/instances/';

let emulator: S3aasEmulator;
beforeAll(async () => {
  // Instances stay NEW until a test pins their status.
  emulator = await startEmulator({ rgw: undefined, delays: { provisioningMs: 3_600_000 } });
});
afterAll(() => emulator.close());

/** Instance list and single-instance GETs the emulator received since `from`. */
function readsSince(from: number) {
  const lines = emulator.requests.slice(from).filter((line) => line.startsWith(`GET ${INSTANCES}`));
  const rest = lines.map((line) => line.slice(`GET ${INSTANCES}`.length));
  return {
    list: rest.filter((r) => r === '' || r.startsWith('?')).length,
    get: rest.filter((r) => r !== '' && !r.startsWith('?')).length,
  };
}

describe('waitForInstance through the shared instance watcher', () => {
  it('serves concurrent waits with one instance list per tick, failing only the instance in ERROR', async () => {
    await emulator.reset();
    const client = clientFor(emulator);
    const created: Awaited<ReturnType<typeof client.instances.create>>[] = [];
    for (let i = 0; i < 4; i++) created.push(await client.instances.create(instanceInput(emulator)));
    const from = emulator.requests.length;
    const outcomes = await Promise.allSettled(
      created.map((instance, i) =>
        client.waitForInstance(instance.uuid, 'ACTIVE', {
          onProgress: ({ attempt }) => {
            if (i !== 0 || attempt !== 1) return;
            for (const [j, other] of created.entries())
              emulator.setInstanceStatus(other.uuid, j === 1 ? 'ERROR' : 'ACTIVE');
          },
        }),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WaitFailureError);
    expect(readsSince(from)).toEqual({ list: 2, get: 0 });
  });

  it('reads a lone instance with one get per tick', async () => {
    await emulator.reset();
    const client = clientFor(emulator);
    const instance = await client.instances.create(instanceInput(emulator));
    const from = emulator.requests.length;
    const ready = await client.waitForInstance(instance.uuid, 'ACTIVE', {
      onProgress: ({ attempt }) => {
        if (attempt === 2) emulator.setInstanceStatus(instance.uuid, 'ACTIVE');
      },
    });
    expect(ready?.status).toBe('ACTIVE');
    expect(readsSince(from)).toEqual({ list: 0, get: 3 });
  });
});
