#!/usr/bin/env node
// `nimbus --version` is what scripts and shell prompts call most; answering it from package.json
// skips loading oclif (the same text oclif prints, measured in bench/startup.bench.mjs).
if (process.argv.length === 3 && process.argv[2] === '--version') {
  const { readFileSync } = await import('node:fs');
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(
    `${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else {
  // Not the `@oclif/core` index: it also loads all of semver (~50 files) for a Node version check
  // the package's own `engines` already makes.
  const { runNimbus } = await import('../dist/entry/run-nimbus.js');
  await runNimbus(process.argv.slice(2), import.meta.url);
}
