import { nimbusBaseFlags } from '@nimbus-sdk/core/cli';
import { Config } from '@oclif/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { cliRoot } from './support/isolated-home.js';

// Every command of every bundled plugin, loaded as oclif loads it: one meaning per short flag
// (node-triton's -j -o -H -s -p are the base flags') and the base flags on every command.
let config: Config;
let commands: { id: string; flags: Record<string, { char?: string; name?: string }> }[];

/** Commands that read no profile's settings, so `--profile` would do nothing there. */
const PROFILELESS = /^(profile:(create|delete|edit|list|use)|sandbox:.*|plugins.*|autocomplete.*|help)$/;

beforeAll(async () => {
  config = await Config.load(cliRoot);
  commands = [];
  for (const command of config.commands) {
    const loaded = await command.load();
    commands.push({
      id: command.id,
      flags: { ...(loaded.baseFlags ?? {}), ...(loaded.flags ?? {}) } as Record<string, { char?: string }>,
    });
  }
}, 60_000);

/** Whether base flag `name` left its letter `char` to another flag of the command. */
function cededTo(flags: Record<string, { char?: string }>, name: string, char: string | undefined): boolean {
  return (
    flags[name]?.char === undefined &&
    Object.entries(flags).some(([other, flag]) => other !== name && flag.char === char)
  );
}

describe('flags of every bundled command', () => {
  it('loads the commands of all five providers, profile and sandbox', () => {
    const topics = new Set(commands.map((c) => c.id.split(':')[0]));
    for (const topic of ['dci', 'smartdc', 'ims', 'naas', 's3aas', 'profile', 'sandbox'])
      expect(topics).toContain(topic);
  });

  it('gives no short flag two meanings on any command', () => {
    const clashes: string[] = [];
    for (const { id, flags } of commands) {
      const byChar = new Map<string, string>();
      for (const [name, flag] of Object.entries(flags)) {
        if (!flag.char) continue;
        const other = byChar.get(flag.char);
        if (other) clashes.push(`${id}: -${flag.char} is both --${other} and --${name}`);
        byChar.set(flag.char, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('has every base flag, with its short form, on every nimbus command', () => {
    const missing: string[] = [];
    for (const { id, flags } of commands) {
      if (/^(plugins|autocomplete|help)/.test(id)) continue;
      for (const [name, base] of Object.entries(nimbusBaseFlags)) {
        if (name === 'profile' && PROFILELESS.test(id)) continue;
        const flag = flags[name];
        if (!flag) missing.push(`${id}: --${name}`);
        else if (flag.char !== base.char && !cededTo(flags, name, base.char))
          missing.push(`${id}: --${name} is -${flag.char}, not -${base.char}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("cedes a base flag's letter only to a flag of the original CLI's grammar", () => {
    // naas-python's -s/-o/-p, the IMS helper's -p, node-triton's `instance wait -s`.
    const ceded = commands.flatMap(({ id, flags }) =>
      Object.entries(nimbusBaseFlags)
        .filter(([name, base]) => base.char && flags[name] && cededTo(flags, name, base.char))
        .map(([name, base]) => `${id} -${base.char} (not --${name})`),
    );
    expect(ceded.sort()).toEqual(
      [
        'ims:image:upload-artifacts -p (not --profile)',
        'naas:asset:create -o (not --columns)',
        'naas:asset:create -p (not --profile)',
        'naas:asset:create -s (not --sort)',
        'naas:storage:connect -s (not --sort)',
        'naas:storage:create -s (not --sort)',
        'naas:storage:delete -s (not --sort)',
        'naas:storage:delete-object -o (not --columns)',
        'naas:storage:delete-object -s (not --sort)',
        'naas:storage:get-object -s (not --sort)',
        'naas:storage:list-object -p (not --profile)',
        'naas:storage:list-object -s (not --sort)',
        'naas:storage:put-object -s (not --sort)',
        'smartdc:instance:wait -s (not --sort)',
        'smartdc:machine:wait -s (not --sort)',
      ].sort(),
    );
  });

  it('offers --profile only where a profile is read', () => {
    const needless = commands.filter((c) => PROFILELESS.test(c.id) && 'profile' in c.flags).map((c) => c.id);
    expect(needless).toEqual([]);
    expect(commands.find((c) => c.id === 'profile:show')?.flags).toHaveProperty('profile');
  });

  it('gives every list command the same --limit, --all and --offset', () => {
    // A machine's tags and metadata are one key/value map (printed as one object), not a list.
    const lists = commands.filter(
      (c) => /:(list|ls)$/.test(c.id) && c.id !== 'profile:list' && !/:(tag|metadata):list$/.test(c.id),
    );
    expect(lists.length).toBeGreaterThan(30);
    const without = lists
      .filter((c) => !['limit', 'all', 'offset'].every((name) => name in c.flags))
      .map((c) => c.id);
    expect(without).toEqual([]);
  });
});
