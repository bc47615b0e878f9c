import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DciEmulator, startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { type SmartdcEmulator, startSmartdcEmulator } from '@nimbus-sdk/smartdc/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKey } from '../../../smartdc/test/support/ssh-keys.js';
import { type Invocation, inProcessNimbus } from './in-process-cli.js';
import { generateInvocations, hostileValues, manifestCommands } from './invocation-generator.js';
import { seededRandom } from './seeded-random.js';

const packagesDir = fileURLToPath(new URL('../../..', import.meta.url));
const cliRoot = join(packagesDir, 'cli');
// Every package with commands: the CLI's own and every bundled provider's.
const manifests = readdirSync(packagesDir)
  .map((name) => join(packagesDir, name, 'oclif.manifest.json'))
  .filter((path) => existsSync(path));
const SEED = 20261201;
const INVOCATIONS = 1200;
const FUZZ_SECRET = 'fuzz-secret-7c1e5a9b3d';
/** A stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at \S.*(:\d+:\d+\)?|\(native\)|\(<anonymous>\))$/m;
const ALLOWED_EXITS = new Set([0, 1, 2, 3, 4, 5, 6, 130, 143]);

let dci: DciEmulator;
let smartdc: SmartdcEmulator;
let home: string;
let invoke: Awaited<ReturnType<typeof inProcessNimbus>>;
const savedEnv = { ...process.env };
let secrets: string[];

const savedCwd = process.cwd();

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'nimbus-fuzz-'));
  // Commands that write into the current directory (naas ci generate) write into the throwaway home.
  process.chdir(home);
  await mkdir(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const key = await generateKey(join(home, '.ssh'), 'id_rsa', 'rsa');
  dci = await startDciEmulator();
  smartdc = await startSmartdcEmulator({ seed: { login: 'jill', machines: 2 } });
  smartdc.addKey(key.publicKey);
  secrets = [dci.seed.remoteci.apiSecret, FUZZ_SECRET, 'PRIVATE KEY'];
  process.env = {
    PATH: savedEnv.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    XDG_DATA_HOME: join(home, '.local', 'share'),
    XDG_CACHE_HOME: join(home, '.cache'),
    NODE_ENV: 'test',
    DCI_CS_URL: dci.url,
    DCI_CLIENT_ID: dci.seed.remoteci.clientId,
    DCI_API_SECRET: dci.seed.remoteci.apiSecret,
    SDC_URL: smartdc.url,
    SDC_ACCOUNT: 'jill',
    SDC_KEY_ID: key.md5,
    TRITON_KEY_FILE: key.privateKeyFile,
  };
  invoke = await inProcessNimbus(cliRoot);
});
afterAll(async () => {
  process.chdir(savedCwd);
  process.env = { ...savedEnv };
  await dci?.close();
  await smartdc?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

async function listedMachineIds(): Promise<string[]> {
  const run = await invoke(['smartdc', 'machine', 'list', '--json']);
  if (run.code !== 0) throw new Error(`smartdc machine list failed: ${run.stdout}${run.stderr}`);
  return (JSON.parse(run.stdout) as { id: string }[]).map((machine) => machine.id);
}

/**
 * A secret in stderr is always a leak; on stdout only the data a command was asked for may hold
 * one (`dci remoteci show` prints the remoteci's own api_secret, as dcictl does).
 */
function leaked(run: Invocation): boolean {
  const ownData = run.argv[0] === 'dci' && run.argv[1] === 'remoteci';
  const visible = ownData ? run.stderr : run.stdout + run.stderr;
  return secrets.some((secret) => visible.includes(secret));
}

function problems(runs: readonly Invocation[], opts: { stackAllowed: (run: Invocation) => boolean }) {
  const shown = (run: Invocation) => `${run.argv.join(' ').slice(0, 200)} → ${run.code}`;
  return {
    stackTraces: runs
      .filter((run) => !opts.stackAllowed(run) && STACK_FRAME.test(run.stdout + run.stderr))
      .map(shown),
    badExits: runs.filter((run) => !ALLOWED_EXITS.has(run.code)).map(shown),
    escaped: runs
      .filter((run) => run.escaped !== undefined && (run.escaped as { oclif?: unknown }).oclif === undefined)
      .map((run) => `${shown(run)}: ${String(run.escaped)}`),
    leaks: runs.filter(leaked).map(shown),
  };
}

describe('fault suite: the CLI under generated and hostile invocations', () => {
  it(`${INVOCATIONS} seeded invocations from the oclif manifests: 0 stack traces, 0 exit codes outside 0-6/130/143, 0 secrets`, async () => {
    const commands = manifestCommands(manifests);
    const machineIds = await listedMachineIds();
    const values = hostileValues({
      ids: [dci.seed.topic, dci.seed.component, ...machineIds],
      dir: home,
    });
    const random = seededRandom(SEED);
    const invocations = generateInvocations(commands, values, random, INVOCATIONS).map((argv) =>
      // A secret flag, and sometimes an unexpected argument containing its value that a parse error echoes.
      argv[0] === 'dci' && random() < 0.2
        ? [...argv, '--dci-api-secret', FUZZ_SECRET, ...(random() < 0.5 ? [`extra-${FUZZ_SECRET}`] : [])]
        : argv,
    );
    const runs: Invocation[] = [];
    const started = performance.now();
    for (const argv of invocations) runs.push(await invoke(argv));
    const seconds = (performance.now() - started) / 1000;
    const found = problems(runs, { stackAllowed: () => false });
    const exits = new Map<number, number>();
    for (const run of runs) exits.set(run.code, (exits.get(run.code) ?? 0) + 1);
    console.log(
      `fuzz: seed ${SEED}, ${runs.length} invocations of ${commands.length} commands in ${seconds.toFixed(1)} s; exit codes ${JSON.stringify(Object.fromEntries([...exits].sort()))}`,
    );
    expect(found).toEqual({ stackTraces: [], badExits: [], escaped: [], leaks: [] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('every command with --debug, on its error path (missing ids, a wrong secret): 0 secrets in output', async () => {
    const commands = manifestCommands(manifests);
    const runs: Invocation[] = [];
    for (const command of commands) {
      const base = command.id.split(':');
      for (const arg of Object.values(command.args))
        if (arg.required) base.push(arg.options?.[0] ?? '464cc0a3-d638-4081-a69e-4c80261f3ba5');
      const secretFlag = command.flags['dci-api-secret'] ? ['--dci-api-secret', FUZZ_SECRET] : [];
      runs.push(await invoke([...base, '--debug']));
      runs.push(await invoke([...base, '--debug', '--json']));
      if (secretFlag.length > 0)
        runs.push(await invoke([...base, '--debug', ...secretFlag, `extra-${FUZZ_SECRET}`]));
    }
    console.log(`secrets: ${runs.length} --debug runs over ${commands.length} commands`);
    const found = problems(runs, { stackAllowed: (run) => run.argv.includes('--debug') });
    expect(found).toEqual({ stackTraces: [], badExits: [], escaped: [], leaks: [] });
  });

  it('path steps and prototype keys through the CLI change nothing', async () => {
    const [machineId] = await listedMachineIds();
    for (const argv of [
      ['smartdc', 'machine', 'tag', 'delete', machineId as string, '..'],
      ['smartdc', 'machine', 'tag', 'delete', machineId as string, '.'],
      ['smartdc', 'machine', 'metadata', 'delete', machineId as string, '..'],
      ['smartdc', 'machine', 'snapshot', 'delete', machineId as string, '..'],
      ['smartdc', 'machine', 'tag', 'set', machineId as string, '__proto__=x'],
      ['dci', 'job', 'show', '..'],
    ]) {
      const run = await invoke(argv);
      expect(run.code, `${argv.join(' ')}: ${run.stderr}`).toBe(2);
    }
    expect(smartdc.state.machines.find(machineId as string)?.state).not.toBe('deleted');
  });

  // The emulators' own refusal of such names over raw HTTP (CloudAPI's 409 InvalidArgument, Flask's
  // 404 for a non-UUID id) is tested in smartdc/test and dci/test emulator-hostile-input.test.ts.
});
