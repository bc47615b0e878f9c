import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DciFixture, startFixture } from './emulator-fixture.js';

let f: DciFixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.emulator.close());

describe('emulator faults and reset', () => {
  it('a retrying client rides over injected 503s, re-signing each attempt', async () => {
    const retrying = f.client({
      auth: {
        type: 'signature',
        clientId: f.emulator.seed.remoteci.clientId,
        apiSecret: f.emulator.seed.remoteci.apiSecret,
      },
      retry: { limit: 3, baseDelayMs: 1, maxDelayMs: 5 },
    });
    f.emulator.faults.failNext(2, 503);
    f.requests.length = 0;
    expect((await retrying.identity()).id).toBe(f.emulator.seed.remoteci.id);
    expect(f.requests).toHaveLength(3);
  });

  it('a skewed server clock over 15 minutes expires signatures', async () => {
    f.emulator.faults.skewClock(16 * 60_000);
    const strict = f.client({
      auth: {
        type: 'signature',
        clientId: f.emulator.seed.remoteci.clientId,
        apiSecret: f.emulator.seed.remoteci.apiSecret,
      },
      correctClockSkew: false,
    });
    try {
      await expect(strict.identity()).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining('signature is expired'),
      });
    } finally {
      f.emulator.faults.skewClock(0);
    }
    await expect(strict.identity()).resolves.toMatchObject({ id: f.emulator.seed.remoteci.id });
  });

  it('reset() drops changes and seeds again', async () => {
    await f.admin.teams.create({ name: 'temporary' });
    expect(await f.admin.teams.count({ where: { name: 'temporary' } })).toBe(1);
    f.emulator.reset();
    expect(await f.admin.teams.count({ where: { name: 'temporary' } })).toBe(0);
    expect((await f.remoteci.identity()).id).toBe(f.emulator.seed.remoteci.id);
  });
});
