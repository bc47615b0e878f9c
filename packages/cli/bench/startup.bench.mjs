// nimbus CLI start-up and per-command overhead, measured against the floor (`node -e 0`), against
// the same HTTP request made with curl, and against node-triton when it installs from npm.
// Run after `pnpm build`. Prints one markdown section on stdout; progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(cliRoot, '..', '..');
const bin = join(cliRoot, 'bin', 'run.js');
const RUNS = 7;

const home = mkdtempSync(join(tmpdir(), 'nimbus-bench-'));
const env = {
  PATH: process.env.PATH,
  HOME: home,
  XDG_CONFIG_HOME: join(home, '.config'),
  XDG_DATA_HOME: join(home, '.local', 'share'),
  XDG_CACHE_HOME: join(home, '.cache'),
  OCLIF_DISABLE_LINKED_ESM_WARNING: '1',
};

function timeOnce(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, encoding: 'utf8', ...options });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return ms;
}

/** Median wall time of each case, runs interleaved so machine noise hits every case alike. */
function measure(cases) {
  const samples = cases.map(() => []);
  for (const c of cases) timeOnce(c.command, c.args); // warm the file cache
  for (let run = 0; run < RUNS; run++) {
    for (const [i, c] of cases.entries()) samples[i].push(timeOnce(c.command, c.args));
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
      ['install', '--prefix', dir, '--no-audit', '--no-fund', 'triton@7.17.0'],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    if (install.status !== 0 || !existsSync(entry)) return undefined;
  }
  return entry;
}

function linkTestProvider() {
  const dir = join(home, 'nimbus-provider-hello');
  cpSync(join(cliRoot, 'test', 'fixtures', 'hello-provider'), dir, { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@nimbus-sdk'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '@oclif'), { recursive: true });
  symlinkSync(
    join(cliRoot, 'node_modules', '@nimbus-sdk', 'core'),
    join(dir, 'node_modules', '@nimbus-sdk', 'core'),
  );
  symlinkSync(join(cliRoot, 'node_modules', '@oclif', 'core'), join(dir, 'node_modules', '@oclif', 'core'));
  timeOnce(process.execPath, [bin, 'plugins', 'link', dir, '--no-install']);
}

const rows = [];
let sandboxUp = false;
try {
  process.stderr.write('bench: start-up\n');
  const [floor, version, help] = measure([
    { command: process.execPath, args: ['-e', '0'] },
    { command: process.execPath, args: [bin, '--version'] },
    { command: process.execPath, args: [bin, '--help'] },
  ]);
  rows.push(['`node -e 0` (floor)', floor, 1]);
  rows.push(['`nimbus --version`', version, version / floor]);
  rows.push(['`nimbus --help`', help, help / floor]);

  process.stderr.write('bench: list command against the sandbox\n');
  linkTestProvider();
  // No RGW: this measures command overhead, and RGW's 20 s start would dominate the bench.
  const up = spawnSync(process.execPath, [bin, 'sandbox', 'up', '--detach', '--no-s3', '--json'], {
    env,
    encoding: 'utf8',
  });
  if (up.status !== 0) throw new Error(`sandbox up failed: ${up.stdout}${up.stderr}`);
  sandboxUp = true;
  const state = JSON.parse(up.stdout);
  const hello = state.services.find((s) => s.name === 'hello');
  // `profile show` masks the token; this run's profile file is private to the bench, so read it.
  const profiles = JSON.parse(readFileSync(join(env.XDG_CONFIG_HOME, 'nimbus', 'profiles.json'), 'utf8'));
  const token = profiles.profiles.sandbox?.hello?.token;
  if (!hello || !token) throw new Error('the sandbox did not start the test provider');
  const [curl, list] = measure([
    { command: 'curl', args: ['-sf', '-H', `Authorization: Bearer ${token}`, `${hello.url}/greetings`] },
    { command: process.execPath, args: [bin, 'hello', 'greeting', 'list', '--profile', 'sandbox', '--json'] },
  ]);
  rows.push(['`curl` GET /greetings (sandbox emulator)', curl, 1]);
  rows.push(['`nimbus hello greeting list --json` (same request)', list, list / curl]);

  const dci = state.services.find((s) => s.name === 'dci');
  if (dci) {
    process.stderr.write('bench: dci topic list against the sandbox\n');
    // Basic auth with the emulator's seeded admin, so curl can make exactly the same request.
    timeOnce(process.execPath, [
      bin,
      'profile',
      'create',
      'bench-dci',
      '--set',
      `dci.url=${dci.url}`,
      '--set',
      'dci.login=admin',
      '--set',
      'dci.password=admin',
    ]);
    const [dciCurl, dciList] = measure([
      { command: 'curl', args: ['-sf', '-u', 'admin:admin', `${dci.url}/api/v1/topics`] },
      { command: process.execPath, args: [bin, 'dci', 'topic', 'list', '--profile', 'bench-dci', '--json'] },
    ]);
    rows.push(['`curl -u` GET /api/v1/topics (DCI emulator)', dciCurl, 1]);
    rows.push(['`nimbus dci topic list --json` (same request)', dciList, dciList / dciCurl]);

    // oclif builds a linked plugin's command list by importing every command of it on each run
    // (a linked plugin has no manifest), so the row above also pays for the hello plugin.
    process.stderr.write('bench: dci topic list with only the bundled plugins\n');
    timeOnce(process.execPath, [bin, 'plugins', 'unlink', 'nimbus-provider-hello']);
    const [dciCurlBundled, dciListBundled] = measure([
      { command: 'curl', args: ['-sf', '-u', 'admin:admin', `${dci.url}/api/v1/topics`] },
      { command: process.execPath, args: [bin, 'dci', 'topic', 'list', '--profile', 'bench-dci', '--json'] },
    ]);
    rows.push(['`curl -u` GET /api/v1/topics (again, for the row below)', dciCurlBundled, 1]);
    rows.push([
      '`nimbus dci topic list --json` (same request, no linked plugin)',
      dciListBundled,
      dciListBundled / dciCurlBundled,
    ]);
  }

  const triton = installTriton();
  if (triton) {
    process.stderr.write('bench: node-triton\n');
    const [tritonVersion] = measure([{ command: process.execPath, args: [triton, '--version'] }]);
    rows.push(['node-triton 7.17.0 `triton --version`', tritonVersion, tritonVersion / floor]);
  } else {
    rows.push(['node-triton `triton --version`', Number.NaN, Number.NaN]);
  }
} finally {
  if (sandboxUp) spawnSync(process.execPath, [bin, 'sandbox', 'down'], { env, encoding: 'utf8' });
  rmSync(home, { recursive: true, force: true });
}

const fmt = (n, digits) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a (did not install)');
const lines = [
  '## CLI start-up and command overhead',
  '',
  `Wall time of a full process, median of ${RUNS} interleaved runs after one warm-up, on this machine ` +
    `(Node ${process.versions.node}). Start-up commands are compared with \`node -e 0\` (target ≤ 3×): ` +
    '`--version` is answered by bin/run.js from package.json without loading oclif; `--help` loads oclif ' +
    'and reads the oclif manifests, importing no command. The list command runs ' +
    'a linked test provider plugin (bearer token, one GET) and the bundled DCI plugin (basic auth, one ' +
    'GET of the topics) against `nimbus sandbox up --detach`, each compared with curl making the same ' +
    'request (target ≤ 4×); the DCI list is timed again after unlinking the test plugin, because oclif ' +
    'imports every command of a linked plugin (it has no manifest) on each run. node-triton, the classic Triton CLI, is ' +
    'timed from a fresh npm install for scale.',
  '',
  '| command | median ms | ratio |',
  '| --- | ---: | ---: |',
  ...rows.map(
    ([name, ms, ratio]) =>
      `| ${name} | ${fmt(ms, 0)} | ${Number.isFinite(ratio) ? `${ratio.toFixed(2)}×` : 'n/a'} |`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
