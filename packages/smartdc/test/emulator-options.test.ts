import { FaultController } from '@nimbus-sdk/core/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { rawSigner } from './support/signed-request.js';

const IMAGE = '2b683a82-a066-11e3-97ab-2faa44701c5a';
let emulator: SmartdcEmulator | undefined;
afterEach(() => emulator?.close());

async function provisionedState(
  started: SmartdcEmulator,
  signer: ReturnType<typeof rawSigner>,
): Promise<string> {
  const created = await signer.send(started.url, 'POST', '/my/machines', {
    json: { image: IMAGE, package: 'g4-highcpu-256M' },
  });
  const id = (created.body as { id: string }).id;
  for (let i = 0; i < 200; i++) {
    const state = started.state.machines.get(id).state;
    if (state !== 'provisioning') return state;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return 'provisioning';
}

describe('emulator options mean the same in every nimbus emulator (issue 9)', () => {
  it('faults is a shared core FaultController for HTTP-level faults', async () => {
    const faults = new FaultController();
    emulator = await startSmartdcEmulator({ faults });
    expect(emulator.faults).toBe(faults);
    faults.failNext(1, 503);
    expect((await fetch(`${emulator.url}/--ping`)).status).toBe(503);
    expect((await fetch(`${emulator.url}/--ping`)).status).toBe(200);
  });

  it('behaviour carries the service behaviours (a failing provision)', async () => {
    const signer = rawSigner();
    emulator = await startSmartdcEmulator({
      seed: { keys: [signer.publicKey] },
      behaviour: { failProvisions: 1 },
      delays: { provisionMs: 1 },
    });
    expect(await provisionedState(emulator, signer)).toBe('failed');
    expect(await provisionedState(emulator, signer)).toBe('running');
  });

  it('still reads the old faults: { failProvisions } form as behaviour', async () => {
    const signer = rawSigner();
    emulator = await startSmartdcEmulator({
      seed: { keys: [signer.publicKey] },
      faults: { failProvisions: 1 },
      delays: { provisionMs: 1 },
    });
    expect(emulator.faults).toBeInstanceOf(FaultController);
    expect(await provisionedState(emulator, signer)).toBe('failed');
  });
});
