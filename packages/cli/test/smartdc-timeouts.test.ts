import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { createProfileStore, type ProfileStore } from '@nimbus-sdk/core/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// smartdc takes the same timeout setting as dci (timeouts.test.ts): against a server that accepts
// connections and never answers, a signed CloudAPI request gives up by --timeout, NIMBUS_TIMEOUT or
// the profile's `timeout` with exit 6, instead of the minutes its own defaults once took. The
// sandbox supplies a real account key; a copy of its section points at the silent server.
let home: IsolatedHome;
let store: ProfileStore;
let silent: Server;
const sockets = new Set<Socket>();
let connections = 0;

beforeAll(async () => {
  home = await createIsolatedHome();
  silent = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const up = await runNimbus(['sandbox', 'up', '--detach', '--no-s3', '--provider', 'smartdc'], home.env);
  expect(up.code, up.stderr).toBe(0);
  store = createProfileStore({ dir: join(home.env.XDG_CONFIG_HOME as string, 'nimbus') });
  const sandbox = await store.get('sandbox');
  const section = sandbox?.smartdc as Record<string, unknown> | undefined;
  if (!section) throw new Error('the sandbox profile has no smartdc section');
  const url = `http://127.0.0.1:${address.port}`;
  await store.put('silent', { smartdc: { ...section, url } });
  await store.put('silent-1s', { smartdc: { ...section, url, timeout: '1s' } });
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await runNimbus(['sandbox', 'down'], home.env);
  await home?.remove();
});

describe('smartdc request timeouts', () => {
  it('the sandbox profile itself answers (the key and account are good)', async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list', '--profile', 'sandbox', '--json'], home.env);
    expect(run.code, run.stderr).toBe(0);
  });

  it('--timeout gives up on a silent CloudAPI with exit 6 and a TIMEOUT error', async () => {
    const run = await runNimbus(
      ['smartdc', 'machine', 'list', '--profile', 'silent', '--timeout', '2s', '--json'],
      home.env,
    );
    expect(run.code, run.stdout + run.stderr).toBe(6);
    expect(JSON.parse(run.stdout).error.code).toBe('TIMEOUT');
  });

  it('reads the timeout from NIMBUS_TIMEOUT and from the profile section', async () => {
    const fromEnv = await runNimbus(['smartdc', 'account', 'get', '--profile', 'silent'], {
      ...home.env,
      NIMBUS_TIMEOUT: '1s',
    });
    expect(fromEnv.code, fromEnv.stderr).toBe(6);
    const fromProfile = await runNimbus(['smartdc', 'machine', 'list', '--profile', 'silent-1s'], home.env);
    expect(fromProfile.code, fromProfile.stderr).toBe(6);
  });

  it('refuses a timeout that is not a duration before any request', async () => {
    const before = connections;
    const run = await runNimbus(
      ['smartdc', 'machine', 'list', '--profile', 'silent', '--timeout', 'soon'],
      home.env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('smartdc.timeout must be a duration such as 30s, 2m or 1h30m');
    expect(connections).toBe(before);
  });
});
