import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { isolatedEnv } from '../../../test-support/isolated-env.js';
import { type CliRun, runNodeScript } from '../../../test-support/run-cli.js';
import { type DciEmulator, startDciEmulator } from '../src/emulator/index.js';

const runner = fileURLToPath(new URL('./fixtures/run-dci.mjs', import.meta.url));

/** Whose credentials the commands run with: the seeded remoteci's, or the admin user's. */
export type DciCliIdentity = 'remoteci' | 'admin';

/** The built `nimbus dci` commands against a fresh emulator, with an isolated HOME. */
export interface DciCliFixture {
  readonly emulator: DciEmulator;
  /** Runs `nimbus dci <args>` as `identity` (default: the fixture's), with `env` on top. */
  dci(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<CliRun>;
  /** The fixture's isolated environment, with no credentials. */
  readonly env: NodeJS.ProcessEnv;
}

/** Starts an emulator and a temporary HOME before the file's tests and removes both after. */
export function useDciCli(identity: DciCliIdentity): DciCliFixture {
  let emulator: DciEmulator | undefined;
  let home = '';
  beforeAll(async () => {
    emulator = await startDciEmulator();
    home = await mkdtemp(join(tmpdir(), 'nimbus-dci-cli-'));
  });
  afterAll(async () => {
    await emulator?.close();
    if (home) await rm(home, { recursive: true, force: true });
  });
  const started = (): DciEmulator => {
    if (!emulator) throw new Error('the DCI emulator is not started yet');
    return emulator;
  };
  const credentials = (e: DciEmulator): NodeJS.ProcessEnv =>
    identity === 'remoteci'
      ? { DCI_CLIENT_ID: e.seed.remoteci.clientId, DCI_API_SECRET: e.seed.remoteci.apiSecret }
      : { DCI_LOGIN: e.seed.users.admin.login, DCI_PASSWORD: e.seed.users.admin.password };
  return {
    get emulator() {
      return started();
    },
    get env() {
      return isolatedEnv(home);
    },
    dci: (args, env = {}) =>
      runNodeScript(runner, ['dci', ...args], {
        ...isolatedEnv(home),
        DCI_CS_URL: started().url,
        ...credentials(started()),
        ...env,
      }),
  };
}
