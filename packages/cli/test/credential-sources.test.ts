import { join } from 'node:path';
import { createProfileStore } from '@nimbus-sdk/core/provider';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// Credentials are a unit: the highest-priority source that names any credential supplies all of
// them, and the URL they go to must come from that source too. Two emulators stand for the
// profile's server and "another server" named in the environment.
let home: IsolatedHome;
let profileServer: DciEmulator;
let otherServer: DciEmulator;

beforeAll(async () => {
  home = await createIsolatedHome();
  [profileServer, otherServer] = await Promise.all([startDciEmulator(), startDciEmulator()]);
  const store = createProfileStore({ dir: join(home.env.XDG_CONFIG_HOME as string, 'nimbus') });
  const { remoteci } = profileServer.seed;
  await store.put('lab', {
    dci: { url: profileServer.url, clientId: remoteci.clientId, apiSecret: remoteci.apiSecret },
    smartdc: {
      url: 'http://127.0.0.1:9',
      account: 'alice',
      keyId: 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    },
  });
  await store.use('lab');
});
afterAll(async () => {
  await Promise.all([profileServer?.close(), otherServer?.close()]);
  await home?.remove();
});

describe('credentials from several sources', () => {
  it("uses a dcirc.sh environment (URL + login) as a whole, never the profile's remoteci secret", async () => {
    const run = await runNimbus(['dci', 'identity', 'show', '--json'], {
      ...home.env,
      DCI_CS_URL: otherServer.url,
      DCI_LOGIN: 'admin',
      DCI_PASSWORD: 'admin',
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ name: 'admin' });
  });

  it('refuses credentials from flags sent to the URL of a profile, saying which sources disagree', async () => {
    const run = await runNimbus(
      ['dci', 'identity', 'show', '--profile', 'lab', '--dci-login', 'admin', '--dci-password', 'admin'],
      home.env,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'Error: dci credentials come from flags (--dci-login, --dci-password) but url comes from the profile: ' +
        'credentials are only sent to a URL from the same source. Set --dci-cs-url as well, or drop ' +
        '--dci-login, --dci-password to use the profile for both.\n',
    );
    expect(run.stderr).not.toContain('admin ');
  });

  it("refuses to send the profile's secret to a URL from the environment", async () => {
    const run = await runNimbus(['dci', 'job', 'list', '--json'], {
      ...home.env,
      DCI_CS_URL: otherServer.url,
    });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toMatch(
      /^dci credentials come from the profile but url comes from environment variables \(DCI_CS_URL\)/,
    );
  });

  it("does not pair SDC_ACCOUNT from the environment with the profile's key", async () => {
    const run = await runNimbus(['smartdc', 'machine', 'list', '--json'], {
      ...home.env,
      SDC_URL: 'http://127.0.0.1:9',
      SDC_ACCOUNT: 'bob',
    });
    expect(run.code).toBe(2);
    const { message } = JSON.parse(run.stdout).error as { message: string };
    expect(message).toContain('keyId');
    expect(message).not.toContain('alice');
  });
});
