#!/usr/bin/env node
// Runs `vitest run [args]` on the machine's node, then on every Node release in node-versions.json
// of another major line, one after another (the machine has 2 cores), and fails if any run failed. Each release's binary
// comes from the npm registry's platform package (node-<os>-<arch>, what the `node` package installs)
// into node_modules/.cache/nimbus-node/<version>, downloaded once. That node goes first on PATH, so
// vitest, its workers and every child process a test spawns (process.execPath or `node`) run on it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { versions } = JSON.parse(readFileSync(join(root, 'scripts', 'node-versions.json'), 'utf8'));
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const args = process.argv.slice(2);

/** The bin folder of Node `version`, installed from the npm registry on first use. */
function nodeBinDir(version) {
  const platformPackage = `node-${process.platform}-${process.arch}`;
  const prefix = join(root, 'node_modules', '.cache', 'nimbus-node', version);
  const binDir = join(prefix, 'node_modules', platformPackage, 'bin');
  if (!existsSync(join(binDir, 'node'))) {
    mkdirSync(prefix, { recursive: true });
    process.stderr.write(`node-versions: installing ${platformPackage}@${version} from the npm registry\n`);
    const install = spawnSync(
      'npm',
      [
        'install',
        '--prefix',
        prefix,
        '--no-save',
        '--no-package-lock',
        '--no-audit',
        '--no-fund',
        `${platformPackage}@${version}`,
      ],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) throw new Error(`npm could not install ${platformPackage}@${version}`);
  }
  const reported = spawnSync(join(binDir, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  if (reported !== `v${version}`) throw new Error(`${binDir}/node reports ${reported}, expected v${version}`);
  return binDir;
}

// scripts/summary-reporter.ts appends each run's failed tests here, so the closing summary can
// repeat them: a failure on the first Node otherwise scrolls out of a CI log's visible tail.
const failuresDir = mkdtempSync(join(tmpdir(), 'nimbus-node-versions-'));
process.on('exit', () => rmSync(failuresDir, { recursive: true, force: true }));

function runVitest(label, binDir) {
  const failuresFile = join(failuresDir, `${label}.txt`);
  const env = { ...process.env, NIMBUS_TEST_FAILURES_FILE: failuresFile };
  if (binDir) env.PATH = `${binDir}:${process.env.PATH}`;
  const node = binDir ? join(binDir, 'node') : process.execPath;
  process.stderr.write(`\nnode-versions: vitest run on Node ${label}\n`);
  const start = performance.now();
  const run = spawnSync(node, [vitest, 'run', ...args], { cwd: root, env, stdio: 'inherit' });
  const failures = existsSync(failuresFile) ? readFileSync(failuresFile, 'utf8').trimEnd() : '';
  const ok = run.status === 0;
  const exit = ok ? '' : `  vitest exited with ${run.status ?? run.signal}`;
  const detail = [failures, exit].filter(Boolean).join('\n');
  return { label, ok, seconds: (performance.now() - start) / 1000, detail };
}

const results = [runVitest(process.versions.node)];
const machineMajor = process.versions.node.split('.')[0];
for (const version of versions.filter((v) => v.split('.')[0] !== machineMajor)) {
  try {
    results.push(runVitest(version, nodeBinDir(version)));
  } catch (error) {
    process.stderr.write(`node-versions: ${error.message}\n`);
    results.push({ label: version, ok: false, seconds: 0, detail: `  ${error.message}` });
  }
}
process.stderr.write('\nnode-versions: summary\n');
for (const { label, ok, seconds, detail } of results) {
  process.stderr.write(`  Node ${label}: ${ok ? 'passed' : 'FAILED'} in ${seconds.toFixed(0)} s\n`);
  if (detail) process.stderr.write(`${detail.replace(/^/gm, '  ')}\n`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
