import { startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Exit codes mean one thing in every provider: 2 usage (including what the server refuses as
// malformed), 3 auth, 4 not found (a resource or a profile), 5 conflict.
let home: IsolatedHome;
let emulator: Awaited<ReturnType<typeof startDciEmulator>>;

beforeAll(async () => {
  home = await createIsolatedHome();
  emulator = await startDciEmulator();
});
afterAll(async () => {
  await emulator?.close();
  await home?.remove();
});

const remoteci = () => ({
  ...home.env,
  DCI_CS_URL: emulator.url,
  DCI_CLIENT_ID: emulator.seed.remoteci.clientId,
  DCI_API_SECRET: emulator.seed.remoteci.apiSecret,
});

describe('exit codes', () => {
  it('a --profile that does not exist is 4, as `profile show` of it is', async () => {
    const named = await runNimbus(['dci', 'topic', 'list', '--profile', 'ghost', '--json'], home.env);
    const shown = await runNimbus(['profile', 'show', 'ghost', '--json'], home.env);
    expect([named.code, shown.code]).toEqual([4, 4]);
    expect(JSON.parse(named.stdout).error.code).toBe('NOT_FOUND');
  });

  it('a filter the server refuses as malformed (400) is a usage error, 2', async () => {
    const run = await runNimbus(['dci', 'topic', 'list', '--where', 'name', '--json'], remoteci());
    expect(run.code, run.stdout).toBe(2);
  });

  it('a malformed DCI client id is refused before sending (2); an unknown one is an auth failure (3)', async () => {
    const malformed = await runNimbus(['dci', 'topic', 'list'], {
      ...remoteci(),
      DCI_CLIENT_ID: 'robot/not-a-uuid',
    });
    expect(malformed.code, malformed.stderr).toBe(2);
    const unknown = await runNimbus(['dci', 'topic', 'list'], {
      ...remoteci(),
      DCI_CLIENT_ID: 'remoteci/0c0c0c0c-1111-4222-8333-444455556666',
    });
    expect(unknown.code, unknown.stderr).toBe(3);
  });
});
