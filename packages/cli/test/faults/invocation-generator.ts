import { readFileSync } from 'node:fs';

interface ManifestFlag {
  name: string;
  type: 'boolean' | 'option';
  options?: string[];
  allowNo?: boolean;
}
interface ManifestCommand {
  id: string;
  args: Record<string, { name: string; required?: boolean; options?: string[] }>;
  flags: Record<string, ManifestFlag>;
}

/** Commands the fuzz leaves out: they start servers, install packages or write shell files. */
const SKIPPED = /^(sandbox|plugins|autocomplete)(:|$)/;

/** Every command of the given oclif manifests, minus {@link SKIPPED}. */
export function manifestCommands(manifestPaths: readonly string[]): ManifestCommand[] {
  const commands: ManifestCommand[] = [];
  for (const path of manifestPaths) {
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { commands: Record<string, ManifestCommand> };
    for (const command of Object.values(manifest.commands)) {
      if (!SKIPPED.test(command.id)) commands.push(command);
    }
  }
  return commands;
}

/** Values that have broken CLIs before: path steps, prototype keys, control characters, huge and empty. */
export function hostileValues(extra: { ids: readonly string[]; dir: string }): string[] {
  return [
    '',
    '.',
    '..',
    'a/b',
    '../..',
    '%2e%2e',
    '__proto__',
    'constructor',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":1}',
    '[1,2]',
    'null',
    '\u001b[2J\u001b[31mred',
    'x\u0000y',
    'x'.repeat(5000),
    '-1',
    '0',
    '99999999999999999999',
    'NaN',
    'name:..',
    'true',
    '-',
    `${extra.dir}/no/such/dir/file`,
    `${extra.dir}/out.bin`,
    '😀',
    '464cc0a3-d638-4081-a69e-4c80261f3ba5',
    ...extra.ids,
  ];
}

/**
 * Builds `count` argument vectors, seeded: a command from the manifests, then random positional
 * arguments and flags drawn from `values`, sometimes an unknown flag, an extra argument, `--json`
 * or a secret flag. Waits are capped (`--wait-timeout 2s`) so no invocation can block the run.
 */
export function generateInvocations(
  commands: readonly ManifestCommand[],
  values: readonly string[],
  random: () => number,
  count: number,
): string[][] {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const invocations: string[][] = [];
  for (let i = 0; i < count; i++) {
    const command = commands[i % commands.length] as ManifestCommand;
    const argv = command.id.split(':');
    const args = Object.values(command.args);
    for (const arg of args) {
      if (!arg.required && random() < 0.3) continue;
      argv.push(arg.options && random() < 0.7 ? pick(arg.options) : pick(values));
    }
    const flags = Object.values(command.flags).filter((flag) => flag.name !== 'debug');
    const chosen = flags.filter(() => random() < 0.25);
    let waitTimeout = false;
    for (const flag of chosen) {
      if (flag.type === 'boolean') {
        argv.push(flag.allowNo && random() < 0.3 ? `--no-${flag.name}` : `--${flag.name}`);
        continue;
      }
      if (flag.name === 'wait-timeout') waitTimeout = true;
      const value =
        flag.name === 'wait-timeout'
          ? pick(['0', '-1', '1s', 'abc', '500ms'])
          : flag.options && random() < 0.7
            ? pick(flag.options)
            : pick(values);
      if (random() < 0.5) argv.push(`--${flag.name}=${value}`);
      else argv.push(`--${flag.name}`, value);
    }
    if (command.flags['wait-timeout'] && !waitTimeout) argv.push('--wait-timeout', '2s');
    if (random() < 0.1) argv.push(`--no-such-flag-${int(100)}`);
    if (random() < 0.1) argv.push(pick(values));
    invocations.push(argv);
  }
  return invocations;
}
