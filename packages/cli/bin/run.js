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
  // The `@oclif/core` index also loads all of semver (~50 files) for a Node version check the
  // package's own `engines` already makes; `execute` alone is what running a command needs.
  const { execute } = await import('@oclif/core/execute');
  await execute({ dir: import.meta.url });
}
