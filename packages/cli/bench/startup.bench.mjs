// nimbus CLI start-up and per-command cost, each against the floor (`node -e 0`) measured in the
// same run, and node-triton's CLI against the same CloudAPI emulator for scale.
// Run after `pnpm build`. Prints one markdown section on stdout; progress goes to stderr.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(cliRoot, '..', '..');
const bin = join(cliRoot, 'bin', 'run.js');
const RUNS = 11;
const TRITON_VERSION = '7.17.0';

const home = mkdtempSync(join(tmpdir(), 'nimbus-bench-'));
// Only these variables: NODE_EXTRA_CA_CERTS (set on some machines) adds ~40 ms to every Node start.
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CACHE_HOME: join(home, '.cache'),
};

function timeOnce(command, args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env: { ...env, ...extraEnv }, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

/** Median wall time of each case, runs interleaved so machine noise hits every case alike. */
function measure(cases) {
  const samples = cases.map(() => []);
  for (const c of cases) timeOnce(c.command, c.args, c.env); // warm the file cache
  for (let run = 0; run < RUNS; run++) {
    for (const [i, c] of cases.entries()) samples[i].push(timeOnce(c.command, c.args, c.env));
  }
  return samples.map((s) => s.sort((a, b) => a - b)[Math.floor(s.length / 2)]);
}

function installTriton() {
  const dir = join(repoRoot, '.bench', 'node-triton');
  const entry = join(dir, 'node_modules', 'triton', 'bin', 'triton');
  if (!existsSync(entry)) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write('bench: installing node-triton from npm into .bench/ ...\n');
    const install = spawnSync(
      'npm',
      ['install', '--prefix', dir, '--no-audit', '--no-fund', `triton@${TRITON_VERSION}`],
      { encoding: 'utf8', timeout: 120_000 },
    );
    if (install.status !== 0 || !existsSync(entry)) return undefined;
  }
  return entry;
}

/** Starts the emulators in a child process; resolves with their URLs and the registered key. */
async function startEmulators(publicKeyFile) {
  const child = spawn(process.execPath, [join(cliRoot, 'bench', 'startup-emulators.mjs'), publicKeyFile], {
    cwd: cliRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = await Promise.race([
    createInterface({ input: child.stdout })
      [Symbol.asyncIterator]()
      .next()
      .then((r) => [r.value]),
    new Promise((_, reject) => child.once('exit', (code) => reject(new Error(`emulators exited ${code}`)))),
  ]);
  return { ...JSON.parse(line), stop: () => child.kill('SIGTERM') };
}

const rows = [];
const phases = [];
const loadAtStart = loadavg()[0];
let emulators;
try {
  // Key file auth as node-triton users have it: ~/.ssh/id_rsa, named by its fingerprint.
  mkdirSync(join(home, '.ssh'), { recursive: true, mode: 0o700 });
  const keyFile = join(home, '.ssh', 'id_rsa');
  spawnSync('ssh-keygen', ['-q', '-t', 'rsa', '-b', '2048', '-m', 'PEM', '-N', '', '-f', keyFile]);
  emulators = await startEmulators(`${keyFile}.pub`);
  const sdc = { SDC_URL: emulators.cloudapi, SDC_ACCOUNT: emulators.account, SDC_KEY_ID: emulators.keyId };
  // Basic auth with the DCI emulator's seeded admin, from a profile.
  timeOnce(process.execPath, [
    bin,
    'profile',
    'create',
    'bench-dci',
    '--set',
    `dci.url=${emulators.dci}`,
    '--set',
    'dci.login=admin',
    '--set',
    'dci.password=admin',
  ]);

  const triton = installTriton();
  const cases = [
    { name: '`node -e 0` (floor)', command: process.execPath, args: ['-e', '0'] },
    { name: '`nimbus --version`', command: process.execPath, args: [bin, '--version'] },
    { name: '`nimbus --help`', command: process.execPath, args: [bin, '--help'] },
    {
      name: '`nimbus dci topic list --json` (basic auth, DCI emulator)',
      command: process.execPath,
      args: [bin, 'dci', 'topic', 'list', '--profile', 'bench-dci', '--json'],
    },
    {
      name: '`nimbus smartdc machine list --json` (key file, CloudAPI emulator)',
      command: process.execPath,
      args: [bin, 'smartdc', 'machine', 'list', '--json'],
      env: sdc,
    },
  ];
  if (triton) {
    cases.push(
      {
        name: `node-triton ${TRITON_VERSION} \`triton --version\``,
        command: process.execPath,
        args: [triton, '--version'],
      },
      {
        name: `node-triton ${TRITON_VERSION} \`triton instance list -j\` (same emulator, same key)`,
        command: process.execPath,
        args: [triton, 'instance', 'list', '-j'],
        env: sdc,
      },
    );
  }
  process.stderr.write(`bench: start-up, ${cases.length} commands interleaved, ${RUNS} runs each\n`);
  const medians = measure(cases);
  for (const [i, c] of cases.entries()) rows.push([c.name, medians[i], medians[i] / medians[0]]);
  if (!triton) rows.push(['node-triton (did not install from npm)', Number.NaN, Number.NaN]);

  process.stderr.write('bench: where `dci topic list` spends its CPU time\n');
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const result = spawnSync(
      process.execPath,
      [join(cliRoot, 'bench', 'startup-phases.mjs'), emulators.dci],
      {
        env,
        encoding: 'utf8',
      },
    );
    if (result.status !== 0) throw new Error(`startup-phases exited ${result.status}: ${result.stderr}`);
    runs.push(JSON.parse(result.stderr.trim().split('\n').at(-1)));
  }
  for (const name of Object.keys(runs[0])) {
    const values = runs.map((r) => r[name]).sort((a, b) => a - b);
    phases.push([name, values[Math.floor(values.length / 2)]]);
  }
} finally {
  emulators?.stop();
  rmSync(home, { recursive: true, force: true });
}

const fmt = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const lines = [
  '## CLI start-up and command overhead',
  '',
  `Wall time of a full process, median of ${RUNS} interleaved runs after one warm-up, on this machine ` +
    `(Node ${process.versions.node}; 1-minute load average ${loadAtStart.toFixed(1)} when the bench started), every row against \`node -e 0\` in the same run (targets: \`--help\` ≤ 3×, ` +
    'a provider command ≤ 6×). Child processes get only PATH, HOME and XDG_* (no NODE_EXTRA_CA_CERTS, which ' +
    'adds ~40 ms to any Node start). `--version` is answered by bin/run.js from package.json, `--help` from ' +
    'the start-up index the build writes (dist/startup-index.json), neither loading oclif; provider commands ' +
    'run from dist/bundle (the CLI build bundles oclif, core, zod and the commands). The list commands ' +
    "run against the DCI and CloudAPI emulators in another process; node-triton's CLI, from a fresh npm " +
    'install, lists the same emulator with the same ~/.ssh key. (The linked test-plugin rows of earlier runs ' +
    'are gone: a linked plugin has no manifest, so oclif imports all its commands on every run, which measured ' +
    'oclif, not nimbus.)',
  '',
  '| command | median ms | vs `node -e 0` |',
  '| --- | ---: | ---: |',
  ...rows.map(
    ([name, ms, ratio]) =>
      `| ${name} | ${fmt(ms, 0)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a'} |`,
  ),
  '',
  `Where \`nimbus dci topic list --json\` spent its time as ~360 separate modules (dist/entry, still the path ` +
    'with a user plugin installed): CPU ms of each phase (bench/startup-phases.mjs loads the same modules ' +
    `in the order the CLI does, then runs the command), median of ${RUNS} processes. ` +
    'CPU rather than wall time, because the machine is shared; the total is close to the whole command.',
  '',
  '| phase | CPU ms (median) |',
  '| --- | ---: |',
  ...phases.map(([name, ms]) => `| ${name} | ${fmt(ms, 0)} |`),
  `| sum of the medians | ${fmt(
    phases.reduce((sum, [, ms]) => sum + ms, 0),
    0,
  )} |`,
];
process.stdout.write(`${lines.join('\n')}\n`);
