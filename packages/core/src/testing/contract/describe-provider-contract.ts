import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecretField } from '../../config/mask-section.js';
import type { ProfileSection } from '../../config/profile-types.js';
import { isApiError } from '../../errors/api-error.js';
import type { AnyNimbusProvider } from '../../provider/define-provider.js';
import type { SandboxContext, SandboxService } from '../../provider/provider-plugin.js';
import { isolatedCliEnv, type PluginRun, runPluginCli } from './plugin-cli.js';

/** Options of {@link describeProviderContract}. */
export interface ProviderContractOptions {
  /** The provider package's root directory (where its package.json is); it must be built. */
  packageRoot: string | URL;
  /** A read-only command that succeeds against the sandbox, e.g. `['dci', 'topic', 'list']`. */
  sampleCommand: readonly string[];
  /** A command that must fail with exit 4 against the sandbox, e.g. showing an unknown id. */
  notFoundCommand?: readonly string[];
  /** What `startSandbox` gets besides a fresh `stateDir` (e.g. the local S3 server). */
  sandboxContext?: () => Omit<SandboxContext, 'stateDir'> | Promise<Omit<SandboxContext, 'stateDir'>>;
}

const BASE_FLAGS = new Set(['json', 'profile', 'debug', 'columns', 'sort', 'no-header', 'help']);

/**
 * The tests every provider package runs, so providers cannot drift: its plugin entry loads and is
 * this provider, its settings resolve flags > env > profile and report what is missing in one
 * ConfigError, its sandbox emulator starts with complete settings and stops cleanly, its sample
 * command prints JSON and exits 0 with settings from env, flags or a profile, settings problems
 * exit 2, wrong secrets exit 3, and no secret reaches the output, `--debug` traces included.
 * Call it at the top level of a test file; the CLI parts run the package's built commands.
 *
 * @example
 * describeProviderContract(dciProvider, {
 *   packageRoot: new URL('..', import.meta.url),
 *   sampleCommand: ['dci', 'topic', 'list'],
 * });
 */
export function describeProviderContract(
  provider: AnyNimbusProvider,
  options: ProviderContractOptions,
): void {
  const root = typeof options.packageRoot === 'string' ? resolve(options.packageRoot) : options.packageRoot;
  const packageRoot = typeof root === 'string' ? root : decodeURIComponent(root.pathname).replace(/\/$/, '');
  const fields = provider.settings;

  describe(`provider contract: ${provider.name}`, () => {
    let home: string;
    let sandbox: SandboxService;
    let closed = false;
    const cli = (args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<PluginRun> =>
      runPluginCli(packageRoot, args, { ...isolatedCliEnv(home), ...sandbox.env, ...env });
    const secretValues = () =>
      Object.entries(sandbox.profile)
        .filter(([key, value]) => value !== '' && isSecretField(fields, key))
        .map(([, value]) => value);
    const asEnv = (section: ProfileSection): NodeJS.ProcessEnv => {
      const env: NodeJS.ProcessEnv = {};
      for (const [key, value] of Object.entries(section)) {
        const name = fields[key]?.env?.[0];
        if (name !== undefined) env[name] = value;
      }
      return env;
    };

    beforeAll(async () => {
      home = await mkdtemp(join(tmpdir(), `nimbus-contract-${provider.name}-`));
      const stateDir = join(home, 'sandbox');
      await mkdir(stateDir, { recursive: true, mode: 0o700 });
      sandbox = await provider.startSandbox({ ...(await options.sandboxContext?.()), stateDir });
    });
    afterAll(async () => {
      if (sandbox && !closed) await sandbox.close();
      if (home) await rm(home, { recursive: true, force: true });
    });

    it('its package declares the plugin, and the built plugin entry is this provider', async () => {
      const manifest = JSON.parse(await readFile(join(packageRoot, 'package.json'), 'utf8')) as {
        nimbus?: { plugin?: unknown };
        oclif?: { commands?: unknown };
      };
      expect(typeof manifest.nimbus?.plugin, 'package.json needs "nimbus": { "plugin": ... }').toBe('string');
      expect(manifest.oclif?.commands, 'package.json needs an "oclif" section with commands').toBeDefined();
      const entry = pathToFileURL(join(packageRoot, String(manifest.nimbus?.plugin))).href;
      const loaded = ((await import(entry)) as { default?: AnyNimbusProvider }).default;
      expect(loaded?.name).toBe(provider.name);
      expect(Object.keys(loaded?.profile.fields ?? {})).toEqual(Object.keys(fields));
      expect(typeof loaded?.startSandbox).toBe('function');
      for (const step of provider.demo) expect(step.argv[0]).toBe(provider.name);
    });

    it('declares settings with distinct flags, upper-case variables and a description', () => {
      const flags = Object.values(fields).flatMap((field) => (field.flag === undefined ? [] : [field.flag]));
      expect(new Set(flags).size, 'flag names must be distinct').toBe(flags.length);
      for (const [key, field] of Object.entries(fields)) {
        expect(field.description, key).not.toBe('');
        if (field.flag !== undefined) {
          expect(field.flag, key).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(BASE_FLAGS.has(field.flag), `${key}: --${field.flag} is a base flag`).toBe(false);
        }
        for (const name of field.env ?? []) expect(name, key).toMatch(/^[A-Z][A-Z0-9_]*$/);
      }
    });

    it('resolves every setting with the precedence flags > env > profile', () => {
      for (const [key, field] of Object.entries(fields)) {
        const flags = field.flag === undefined ? {} : { [field.flag]: 'from-flag' };
        const env = field.env?.[0] === undefined ? {} : { [field.env[0]]: 'from-env' };
        const profile = { [key]: 'from-profile' };
        const all = provider.resolveSettings({ flags, env, profile }) as Record<string, string | undefined>;
        expect(all[key], key).toBe(
          field.flag === undefined ? (field.env ? 'from-env' : 'from-profile') : 'from-flag',
        );
        const noFlags = provider.resolveSettings({ env, profile }) as Record<string, string | undefined>;
        expect(noFlags[key], key).toBe(field.env?.length ? 'from-env' : 'from-profile');
        expect((provider.resolveSettings({ profile }) as Record<string, string | undefined>)[key]).toBe(
          'from-profile',
        );
        expect((provider.settingsFromEnv(env) as Record<string, string | undefined>)[key]).toBe(
          field.env?.length ? 'from-env' : undefined,
        );
      }
    });

    it('reports every missing required setting in one ConfigError naming how to set it', () => {
      const required = Object.entries(fields).filter(([, field]) => field.required);
      const error = (() => {
        try {
          provider.checkSettings({});
          return undefined;
        } catch (caught) {
          return caught;
        }
      })();
      if (required.length === 0) return expect(error).toBeUndefined();
      expect(isApiError(error) && error.code).toBe('CONFIG');
      for (const [key, field] of required) {
        expect((error as Error).message).toContain(`${provider.name}.${key}`);
        if (field.flag) expect((error as Error).message).toContain(`--${field.flag}`);
      }
    });

    it('starts a sandbox whose settings are complete and build a client', async () => {
      expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      const settings = provider.checkSettings(sandbox.profile);
      await expect(provider.createClient(provider.clientOptions(settings))).resolves.toBeDefined();
    });

    it('runs the sample command with --json from env, from flags and from a profile (exit 0)', async () => {
      const fromEnv = await cli([...options.sampleCommand, '--json'], asEnv(sandbox.profile));
      expect(fromEnv.code, fromEnv.stderr).toBe(0);
      expect(() => JSON.parse(fromEnv.stdout)).not.toThrow();

      const flagArgs = Object.entries(sandbox.profile).flatMap(([key, value]) => {
        const flag = fields[key]?.flag;
        return flag === undefined ? [] : [`--${flag}`, value];
      });
      const unflagged = Object.fromEntries(
        Object.entries(sandbox.profile).filter(([key]) => fields[key]?.flag === undefined),
      );
      const fromFlags = await cli([...options.sampleCommand, '--json', ...flagArgs], asEnv(unflagged));
      expect(fromFlags.code, fromFlags.stderr).toBe(0);

      const dir = join(home, '.config', 'nimbus');
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const file = join(dir, 'profiles.json');
      const document = { version: 1, profiles: { contract: { [provider.name]: sandbox.profile } } };
      await writeFile(file, JSON.stringify(document), { mode: 0o600 });
      await chmod(file, 0o600);
      try {
        const fromProfile = await cli([...options.sampleCommand, '--json', '--profile', 'contract']);
        expect(fromProfile.code, fromProfile.stderr).toBe(0);
        expect(JSON.parse(fromProfile.stdout)).toEqual(JSON.parse(fromEnv.stdout));
      } finally {
        await rm(file, { force: true });
      }
    });

    it('exits 2 with a JSON error when settings are missing, 4 when the named profile does not exist', async () => {
      const missing = await cli([...options.sampleCommand, '--json']);
      const required = Object.values(fields).some((field) => field.required);
      if (required) {
        expect(missing.code, missing.stderr).toBe(2);
        expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'CONFIG' } });
      }
      const unknown = await cli([...options.sampleCommand, '--json', '--profile', 'no-such-profile']);
      expect(unknown.code, unknown.stderr).toBe(4);
      expect(JSON.parse(unknown.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });

    it.runIf(options.notFoundCommand !== undefined)('exits 4 for something that does not exist', async () => {
      const run = await cli([...(options.notFoundCommand ?? []), '--json'], asEnv(sandbox.profile));
      expect(run.code, run.stderr).toBe(4);
      expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
    });

    it('never shows a secret: not in --debug traces, not when a wrong secret exits 3', async (context) => {
      const traced = await cli([...options.sampleCommand, '--json', '--debug'], asEnv(sandbox.profile));
      expect(traced.code, traced.stderr).toBe(0);
      for (const secret of secretValues()) expect(traced.stdout + traced.stderr).not.toContain(secret);

      const secretKey = Object.keys(sandbox.profile).find((key) => isSecretField(fields, key));
      if (secretKey === undefined) return context.skip();
      const wrong = `wrong-${sandbox.profile[secretKey]}`;
      const run = await cli(
        [...options.sampleCommand, '--json', '--debug'],
        asEnv({ ...sandbox.profile, [secretKey]: wrong }),
      );
      expect(run.code, run.stderr).toBe(3);
      expect(JSON.parse(run.stdout)).toHaveProperty('error');
      expect(run.stdout + run.stderr).not.toContain(wrong);
    });

    it('stops its sandbox cleanly: the emulator no longer answers', async () => {
      closed = true;
      await sandbox.close();
      await expect(fetch(sandbox.url, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    });
  });
}
