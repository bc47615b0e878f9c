#!/usr/bin/env node
// Runs every packages/*/bench/*.bench.mjs one after another (never in parallel: they measure
// throughput on a 2-core machine) and writes their markdown sections into BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const only = process.argv.slice(2);
const files = readdirSync(join(root, 'packages'))
  .flatMap((pkg) => {
    const dir = join(root, 'packages', pkg, 'bench');
    return existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.bench.mjs'))
          .map((f) => join('packages', pkg, 'bench', f))
      : [];
  })
  .filter((file) => only.length === 0 || only.some((o) => file.includes(o)))
  .sort();

const sections = [];
let failed = 0;
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', file], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 600_000, // the S3 upload bench moves 6 GiB through a local RGW on 2 shared cores
  });
  if (result.status === 0) {
    sections.push(result.stdout.trim());
  } else {
    failed++;
    sections.push(
      `## ${file}\n\nThis benchmark failed in this run (exit ${result.status ?? result.signal}).`,
    );
  }
}

const header = `# Benchmarks

Measured by \`pnpm bench\` (scripts/bench.mjs runs each \`packages/*/bench/*.bench.mjs\` in turn, after a
build). Every number below is a ratio against the alternative **measured in the same run on the same
machine**, because absolute times on shared 2-core machines are noisy; tests never assert time.

Last run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores,
${Math.round(totalmem() / 2 ** 30)} GiB${only.length > 0 ? ` (only: ${only.join(', ')}; the other sections are from earlier runs)` : ''}.
`;
// A run of some benches (`pnpm bench signing`) replaces their sections and keeps every other one,
// including sections written by other tools (the registry install test's footprint table).
const file = join(root, 'BENCHMARKS.md');
const previous = existsSync(file) ? splitSections(readFileSync(file, 'utf8')) : [];
const merged = previous.map((old) => sections.find((fresh) => title(fresh) === title(old)) ?? old);
for (const fresh of sections) if (!previous.some((old) => title(old) === title(fresh))) merged.push(fresh);
writeFileSync(file, `${header}\n${merged.join('\n\n')}\n`);
// Benches print plain markdown tables; biome aligns them so `pnpm lint` stays clean after a run.
spawnSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'inherit' });
process.stderr.write(`bench: wrote BENCHMARKS.md (${files.length} benchmarks, ${failed} failed)\n`);
process.exit(failed ? 1 : 0);

/** The `## ` sections of a BENCHMARKS.md, without its header. */
function splitSections(text) {
  return text
    .split(/^(?=## )/m)
    .filter((part) => part.startsWith('## '))
    .map((part) => part.trim());
}

function title(section) {
  return section.split('\n', 1)[0];
}
