#!/usr/bin/env node
// Start-up is most of what a nimbus command costs, so the two commands that need no command
// module are answered here before oclif loads (measured in bench/startup.bench.mjs).
const argv = process.argv.slice(2);
const alone = argv.length === 1 ? argv[0] : undefined;
if (alone === '--version') {
  // What scripts and shell prompts call most: the same text oclif prints, from package.json.
  const { readFileSync } = await import('node:fs');
  const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  process.stdout.write(
    `${pjson.name}/${pjson.version} ${process.platform}-${process.arch} node-${process.version}\n`,
  );
} else if (
  (alone === '--help' || alone === '-h') &&
  (await import('../dist/entry/print-root-help.js')).printRootHelp()
) {
  // Printed from the start-up index: no user plugin can have added a topic.
} else {
  // Node 22+ keeps compiled code of the ~300 modules a command loads between runs (not in Node 20).
  const { default: module } = await import('node:module');
  if (module.enableCompileCache) module.enableCompileCache();
  else {
    // Node 20: fetch's HTTP parser (undici's llhttp) is WebAssembly, and V8 optimises its hot
    // functions on a background thread that the process waits for before it exits, ~50 ms after a
    // command has printed everything. Its baseline code is ample for a CLI's few responses.
    // Not on Node 22+, where the same flag would also invalidate the compile cache.
    (await import('node:v8')).setFlagsFromString('--liftoff-only');
  }
  // dist/bundle for a bundled provider's command (see src/entry/pick-entry.ts), else dist/entry,
  // which imports oclif by subpath: its index also loads all of semver for an `engines` check.
  const { pickEntry } = await import('../dist/entry/pick-entry.js');
  const choice = pickEntry(argv, new URL('../', import.meta.url));
  const { runNimbus } = await import(choice.entry.href);
  await runNimbus(argv, import.meta.url, choice.commandFile);
}
