import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNimbus } from '../../../test-support/run-cli.js';
import { createIsolatedHome, type IsolatedHome } from './support/isolated-home.js';

// The completion functions `nimbus autocomplete` writes, run as the shell runs them: bash with
// COMP_WORDS/COMP_CWORD set, in a child process; the zsh function checked as text (no zsh here).
const run = promisify(execFile);
let home: IsolatedHome;
let bashFunction: string;
let zshFunction: string;

beforeAll(async () => {
  home = await createIsolatedHome();
  for (const name of ['lab', 'prod-east']) {
    expect((await runNimbus(['profile', 'create', name], home.env)).code).toBe(0);
  }
  const created = await runNimbus(['autocomplete', 'create'], home.env);
  expect(created.code, created.stderr).toBe(0);
  const functions = join(home.env.XDG_CACHE_HOME as string, 'nimbus', 'autocomplete', 'functions');
  bashFunction = join(functions, 'bash', 'nimbus.bash');
  zshFunction = await readFile(join(functions, 'zsh', '_nimbus'), 'utf8');
}, 60_000);
afterAll(async () => {
  await home.remove();
});

/** The candidates bash offers for `words` (the last one being typed), in order. */
async function complete(...words: string[]): Promise<string[]> {
  const script =
    // biome-ignore lint/suspicious/noTemplateCurlyInString: bash's own ${...} expansions
    'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); _nimbus_autocomplete; printf "%s\\n" "${COMPREPLY[@]}"';
  const { stdout } = await run('bash', ['-c', script, 'complete', bashFunction, 'nimbus', ...words], {
    env: home.env,
  });
  return stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('offers each sub-command of a topic once', async () => {
    const candidates = await complete('dci', '');
    expect(candidates).toEqual(expect.arrayContaining(['job', 'topic', 'job-list']));
    expect(candidates).toEqual([...new Set(candidates)]);
  });

  it('offers each flag once', async () => {
    const flags = await complete('dci', 'job', 'list', '--');
    expect(flags).toEqual(expect.arrayContaining(['--limit', '--format', '--profile']));
    expect(flags).toEqual([...new Set(flags)]);
  });

  it('completes profile names after --profile and -p', async () => {
    expect(await complete('smartdc', 'machine', 'list', '--profile', '')).toEqual(['lab', 'prod-east']);
    expect(await complete('dci', 'topic', 'list', '-p', 'pr')).toEqual(['prod-east']);
  });

  it.each(['use', 'show', 'delete', 'edit'])('completes profile names for profile %s', async (verb) => {
    expect(await complete('profile', verb, '')).toEqual(['lab', 'prod-east']);
  });

  it('does not offer profile names for sandbox -p (--provider)', async () => {
    expect(await complete('sandbox', 'up', '-p', '')).not.toContain('lab');
  });
});

describe('zsh completion', () => {
  it('completes --profile and the profile verbs with profile names, not files', () => {
    expect(zshFunction).toContain('_nimbus_profile_names() {');
    expect(zshFunction).toMatch(/\{-p,--profile\}"\[[^\]]*\]:profile:_nimbus_profile_names"/);
    expect(zshFunction).not.toMatch(/\{-p,--profile\}"\[[^\]]*\]:file:_files"/);
    const profileFunction = zshFunction.slice(zshFunction.indexOf('\n_nimbus_profile() {'));
    for (const verb of ['use', 'show', 'delete', 'edit']) {
      const block = profileFunction.slice(profileFunction.indexOf(`"${verb}")`));
      expect(block.slice(0, block.indexOf(';;')), verb).toContain('"1: :_nimbus_profile_names"');
    }
  });

  it('lists each candidate once in every list of candidates', () => {
    for (const block of zshFunction.matchAll(/_values "completions" \\\n((?:".*" \\\n)+)/g)) {
      const names = [...(block[1] as string).matchAll(/^"([^"[]+)\[/gm)].map((m) => m[1]);
      expect(names).toEqual([...new Set(names)]);
    }
  });
});
