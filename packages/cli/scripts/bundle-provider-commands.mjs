// Bundles the CLI's entry (dist/entry/run-nimbus.js) and every bundled provider's commands, with
// @oclif/core, @nimbus-sdk/core and zod, into dist/bundle/ (shared chunks, one file per command).
// Loading ~360 separate modules was most of a provider command's cost (see BENCHMARKS.md); the
// same code in a few chunks costs ~40 % less CPU. bin/run.js uses the bundle only when the
// installed provider is the version bundled here and no user plugin is installed, else dist/entry.
// The published provider packages are untouched: this is the CLI's private copy.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const fromCli = createRequire(join(cliRoot, 'package.json'));
const index = JSON.parse(readFileSync(join(cliRoot, 'dist', 'startup-index.json'), 'utf8'));

const input = { 'run-nimbus': join(cliRoot, 'dist', 'entry', 'run-nimbus.js') };
const versions = {};
const commands = {};
for (const plugin of new Set(Object.values(index.commands).filter(Boolean))) {
  const root = dirname(fromCli.resolve(`${plugin}/package.json`));
  versions[plugin] = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const manifest = JSON.parse(readFileSync(join(root, 'oclif.manifest.json'), 'utf8'));
  for (const [id, command] of Object.entries(manifest.commands)) {
    const name = join(plugin, ...command.relativePath).replace(/\.js$/, '');
    input[name] = join(root, ...command.relativePath);
    for (const alias of [id, ...(command.aliases ?? [])]) commands[alias] = `${name}.js`;
  }
}

// `createRequire(import.meta.url)('../package.json')` reads a version next to the original file;
// in a chunk that path points elsewhere, so the bundled copy gets the value it was built from.
const packageJsonRequire = /createRequire\(import\.meta\.url\)\((['"])(\.{1,2}\/[^'"]*package\.json)\1\)/g;
// sshpk stays a lazily required optional peer of core: resolve it from core, as the original does.
const sshpkRequire = /createRequire\(import\.meta\.url\)\((['"])sshpk\1\)/g;

const bundle = await rolldown({
  input,
  cwd: cliRoot,
  platform: 'node',
  // The input is tsc's output: no tsconfig to apply, and a release copy has no tsconfig.base.json.
  tsconfig: false,
  // Loaded on demand by code paths no bundled command takes for granted; typescript is oclif's
  // optional ts-node support. A chunk's bare import resolves from the CLI package, so the CLI
  // depends on @aws-sdk/client-s3 and sshpk itself (the versions the providers pin): test/bundle-imports
  // checks that every external the bundle names resolves from here.
  external: [/^sshpk(\/|$)/, /^@aws-sdk\//, /^typescript$/],
  logLevel: 'warn',
  plugins: [
    {
      name: 'nimbus-relative-requires',
      transform: {
        // Filtered in rolldown itself, so the other modules never cross into JavaScript.
        filter: { code: 'createRequire(import.meta.url)' },
        handler: (code, id) =>
          code
            .replace(packageJsonRequire, (_, _quote, path) => {
              const { name, version } = JSON.parse(readFileSync(resolve(dirname(id), path), 'utf8'));
              return `(${JSON.stringify({ name, version })})`;
            })
            .replace(sshpkRequire, "createRequire(import.meta.resolve('@nimbus-sdk/core'))('sshpk')"),
      },
    },
  ],
});
await bundle.write({
  dir: join(cliRoot, 'dist', 'bundle'),
  format: 'esm',
  sourcemap: true,
  entryFileNames: '[name].js',
  chunkFileNames: 'chunks/[name]-[hash].js',
});
await bundle.close();
writeFileSync(join(cliRoot, 'dist', 'bundle', 'index.json'), `${JSON.stringify({ versions, commands })}\n`);
