// Child of startup.bench.mjs: CPU milliseconds of each phase of one `nimbus dci topic list --json`
// run, loading the same modules in the order the CLI does (oclif, the config with only the dci
// plugin, the command, then what the command imports when it runs), one JSON line on stderr.
// argv: the DCI emulator's URL. CPU time, not wall time: it is what the machine's load moves least.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const phases = { 'Node start-up (to the first line of the script)': cpu() };
let last = phases['Node start-up (to the first line of the script)'];
const lap = (name) => {
  const now = cpu();
  phases[name] = now - last;
  last = now;
};

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const fromCli = createRequire(join(cliRoot, 'package.json'));
const dciRoot = dirname(fromCli.resolve('@nimbus-sdk/dci/package.json'));
const fromDci = createRequire(join(dciRoot, 'package.json'));
const file = (path) => pathToFileURL(path).href;

const { Config } = await import(file(fromCli.resolve('@oclif/core/config')));
const { run } = await import(file(fromCli.resolve('@oclif/core/run')));
lap('import oclif (config, run; errors, help, ux come with them)');
const pjson = JSON.parse(readFileSync(join(cliRoot, 'package.json'), 'utf8'));
const config = await Config.load({
  root: cliRoot,
  pjson: { ...pjson, oclif: { ...pjson.oclif, plugins: ['@nimbus-sdk/dci'] } },
});
lap('oclif Config.load: the CLI and the dci plugin (package.json, manifests)');
await import(file(fromDci.resolve('@nimbus-sdk/core/cli')));
lap('import @nimbus-sdk/core/cli (base command, flags, output)');
await import(file(join(dciRoot, 'dist', 'commands', 'dci', 'topic', 'list.js')));
lap("import the command module (dci's cli/, provider, settings; @nimbus-sdk/core root)");
await import(file(fromDci.resolve('zod')));
lap('import zod (loaded by the client)');
await import(file(join(dciRoot, 'dist', 'client.js')));
lap('import the dci client and resources (schemas built)');
process.stdout.write = () => true;
await run(
  [
    'dci',
    'topic',
    'list',
    '--json',
    '--dci-cs-url',
    process.argv[2],
    '--dci-login',
    'admin',
    '--dci-password',
    'admin',
  ],
  config,
);
lap('run: parse flags, resolve settings, one GET, print JSON');
process.stderr.write(`${JSON.stringify(phases)}\n`);
