import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SmartdcEmulator, startSmartdcEmulator } from '../src/emulator/index.js';
import { createSmartdcClient } from '../src/index.js';
import { type RunningAgent, startSshAgent } from './support/ssh-agent.js';
import { generateKey, type TestKey, tempDir } from './support/ssh-keys.js';

describe('signing through a real ssh-agent', () => {
  let emulator: SmartdcEmulator;
  let agent: RunningAgent;
  let dir: { path: string; remove: () => Promise<void> };
  let rsa: TestKey;
  let ecdsa: TestKey;
  let emptyHome: { path: string; remove: () => Promise<void> };

  beforeAll(async () => {
    dir = await tempDir('smartdc-agent-');
    emptyHome = await tempDir('smartdc-nohome-');
    rsa = await generateKey(dir.path, 'agent_rsa', 'rsa');
    ecdsa = await generateKey(dir.path, 'agent_ecdsa', 'ecdsa');
    agent = await startSshAgent(dir.path);
    await agent.add(rsa.privateKeyFile);
    await agent.add(ecdsa.privateKeyFile);
    emulator = await startSmartdcEmulator();
    emulator.addKey(rsa.publicKey);
    emulator.addKey(ecdsa.publicKey);
  });
  afterAll(async () => {
    await emulator?.close();
    await agent?.stop();
    await dir?.remove();
    await emptyHome?.remove();
  });

  const viaAgent = (keyId: string) =>
    createSmartdcClient({
      url: emulator.url,
      account: emulator.account,
      keyId,
      agent: { socketPath: agent.socketPath },
      home: emptyHome.path,
      retry: false,
    });

  it.each([
    ['RSA', () => rsa, /algorithm="rsa-sha(256|512)"/],
    ['ECDSA P-256', () => ecdsa, /algorithm="ecdsa-sha256"/],
  ] as const)('signs with the %s key held by the agent', async (_name, key, algorithm) => {
    const headers: string[] = [];
    const triton = createSmartdcClient({
      url: emulator.url,
      account: emulator.account,
      keyId: key().sha256,
      agent: { socketPath: agent.socketPath },
      home: emptyHome.path,
      fetch: async (input, init) => {
        const request = new Request(input, init);
        headers.push(request.headers.get('authorization') ?? '');
        return fetch(request);
      },
    });
    expect((await triton.account.get()).login).toBe(emulator.account);
    expect((await triton.keys.list()).length).toBe(2);
    expect(headers[0]).toMatch(algorithm);
    expect(headers[0]).toContain(`keyId="/${emulator.account}/keys/${key().md5}"`);
  });

  it('finds an agent key by fingerprint when ~/.ssh has none', async () => {
    expect((await viaAgent(ecdsa.md5).account.get()).login).toBe(emulator.account);
  });

  it('fails with the fingerprints the agent holds when none matches', async () => {
    const error = await viaAgent('SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')
      .account.get()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'SIGNING',
      details: { candidates: expect.arrayContaining([rsa.md5, ecdsa.md5]) },
    });
  });
});
