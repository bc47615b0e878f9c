import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { type RawSigner, rawSigner } from './support/signed-request.js';

let emulator: SmartdcEmulator;
let signer: RawSigner;
let machineId: string;

beforeAll(async () => {
  signer = rawSigner();
  emulator = await startSmartdcEmulator({ seed: { keys: [signer.publicKey] }, delays: { provisionMs: 1 } });
  const created = await signer.send(emulator.url, 'POST', '/my/machines', {
    json: {
      image: '2b683a82-a066-11e3-97ab-2faa44701c5a',
      package: 'g4-highcpu-256M',
      'tag.env': 'dev',
      'tag.count': 3,
      'metadata.owner': 'ops',
    },
  });
  machineId = (created.body as { id: string }).id;
});
afterAll(() => emulator?.close());

describe('smartdc emulator answers as CloudAPI does (issue 16)', () => {
  it.each([
    ['tags/env', '"dev"', 'dev'],
    ['tags/count', '3', '3'],
    ['metadata/owner', '"ops"', 'ops'],
  ])(
    '13. GET …/%s answers application/json (%s) for JSON or no Accept, raw text for text/plain',
    async (path, json, text) => {
      for (const accept of ['application/json', '*/*', undefined]) {
        const answer = await signer.send(emulator.url, 'GET', `/my/machines/${machineId}/${path}`, {
          headers: accept ? { accept } : {},
        });
        expect(answer.status).toBe(200);
        expect(String(answer.headers['content-type'])).toMatch(/^application\/json/);
        expect(JSON.stringify(answer.body)).toBe(json);
      }
      const plain = await signer.send(emulator.url, 'GET', `/my/machines/${machineId}/${path}`, {
        headers: { accept: 'text/plain' },
      });
      expect(String(plain.headers['content-type'])).toMatch(/^text\/plain/);
      expect(plain.body).toBe(text === '3' ? 3 : text);
    },
  );

  it('14. flexible_disk (and brand) appear only on bhyve packages', async () => {
    const answer = await signer.send(emulator.url, 'GET', '/my/packages');
    const packages = answer.body as { name: string; brand?: string; flexible_disk?: boolean }[];
    expect(packages.length).toBeGreaterThan(1);
    for (const pkg of packages) {
      if (pkg.brand === 'bhyve') expect(pkg, pkg.name).toHaveProperty('flexible_disk', true);
      else expect(pkg, pkg.name).not.toHaveProperty('flexible_disk');
    }
    expect(packages.some((pkg) => pkg.brand === 'bhyve')).toBe(true);
  });
});
