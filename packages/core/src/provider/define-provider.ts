import { assertSection, kindIssues } from '../config/check-section.js';
import type { ProfileSection } from '../config/profile-types.js';
import { resolveSection } from '../config/resolve-section.js';
import { isApiError } from '../errors/api-error.js';
import type { ValidationIssue } from '../errors/client-errors.js';
import type { Logger } from '../transport/types.js';
import type {
  BaseFlagEnv,
  DemoStep,
  NimbusProviderPlugin,
  ProfileField,
  ProfileSectionSpec,
  SandboxContext,
  SandboxService,
} from './provider-plugin.js';
import { timeoutOptions, timeoutSetting } from './timeout-setting.js';

/** A provider's settings fields, by the name they have in a profile section (`url`, `keyId`, ...). */
export type SettingFields = Readonly<Record<string, ProfileField>>;

/** Resolved settings: each field's value when one was found (flags > env > profile), else absent. */
export type SettingsOf<F extends SettingFields> = { readonly [K in keyof F]?: string };

/**
 * What a client options type should accept so the CLI can add `--debug` tracing and the `timeout`
 * setting to any client, which passes them on to its transport (core's `ClientTransportOptions`
 * includes them). Not required: options without them get no trace and no deadline.
 */
export interface ProviderClientOptions {
  logger?: Logger;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  /** Whole-call deadline across retries. */
  totalTimeoutMs?: number;
}

/** Where {@link NimbusProvider.resolveSettings} reads from. */
export interface SettingSources {
  /** Parsed command-line flags by oclif flag name. */
  flags?: Readonly<Record<string, unknown>>;
  env?: Readonly<Record<string, string | undefined>>;
  /** The provider's section of the selected profile. */
  profile?: Readonly<ProfileSection>;
}

/** What a provider package declares once; see {@link defineProvider}. */
export interface ProviderDefinition<F extends SettingFields, O extends object, C> {
  /** The topic and profile section name: lower-case, `[a-z][a-z0-9-]*`. */
  readonly name: string;
  /** One line for `nimbus sandbox status` and help. */
  readonly title: string;
  /** Every setting with its env variables, flag, secrecy, `required` and value `kind`. */
  readonly settings: F;
  /** Cross-field checks beyond `required` and `kind` (paths are field names). */
  validate?(settings: SettingsOf<F>): readonly ValidationIssue[];
  /**
   * Complete, checked settings → the options of `createClient`. Throws a `ConfigError` naming what
   * to fix when they cannot work together (e.g. a client id without its secret); give it
   * `details: { issues }` to point at fields.
   */
  clientOptions(settings: SettingsOf<F>): O;
  /** Builds the SDK client; may import the client module lazily so `nimbus profile` stays light. */
  createClient(options: O): C | Promise<C>;
  /** Starts this provider's emulator for `nimbus sandbox up`, seeded with usable credentials. */
  startSandbox(context: SandboxContext): Promise<SandboxService>;
  /** The CLI steps of `nimbus sandbox demo`, run in order against the sandbox. */
  readonly demo: readonly DemoStep[];
  /** Its emulator keeps data in S3: the sandbox starts the local RGW for it. */
  readonly needsS3?: boolean;
  /** Its own environment variables for base flags (`{ format: ['DCI_FORMAT'] }`); the nimbus ones win. */
  readonly baseFlagEnv?: BaseFlagEnv;
}

/** A provider as the kit derives it from its {@link ProviderDefinition}: also the CLI's plugin. */
export interface NimbusProvider<F extends SettingFields, O extends object, C> extends NimbusProviderPlugin {
  readonly settings: F;
  /** The profile section spec: the fields, plus `validate` running kinds, cross-field checks and `clientOptions`. */
  readonly profile: ProfileSectionSpec;
  /** The settings found in environment variables alone (each field's variables, first set wins). */
  settingsFromEnv(env: Readonly<Record<string, string | undefined>>): SettingsOf<F>;
  /** Merges flags > env > profile; empty strings count as unset. Unchecked: see `checkSettings`. */
  resolveSettings(sources: SettingSources): SettingsOf<F>;
  /** Throws one `ConfigError` (exit 2) listing every missing or malformed setting; `where` names the source. */
  checkSettings(settings: SettingsOf<F>, where?: string): SettingsOf<F>;
  /** Checked settings → client options (the definition's `clientOptions`). */
  clientOptions(settings: SettingsOf<F>): O;
  createClient(options: O): Promise<C>;
  /** `checkSettings(settingsFromEnv(env))` turned into client options: the SDK's `<name>ClientOptionsFromEnv`. */
  clientOptionsFromEnv(env: Readonly<Record<string, string | undefined>>): O;
}

/** Any provider, whatever its settings, options and client. */
// biome-ignore lint/suspicious/noExplicitAny: the CLI and the contract tests take providers of every shape.
export type AnyNimbusProvider = NimbusProvider<SettingFields, any, unknown>;

const NAME = /^[a-z][a-z0-9-]*$/;

/**
 * Declares a provider once. From the definition the kit derives the profile section spec (what
 * `nimbus profile` edits and masks), the env reader, one validation that reports every problem as
 * a `ConfigError`, and (in `@nimbus-sdk/core/cli`) the flags and the command base whose `client()`
 * every command uses. Default-export the result from `src/nimbus-plugin.ts`.
 *
 * @example
 * export default defineProvider({
 *   name: 'hello', title: 'Greetings service', settings: helloSettings,
 *   clientOptions: (s) => ({ url: s.url ?? '', token: s.token ?? '' }),
 *   createClient: async (o) => (await import('./client.js')).createHelloClient(o),
 *   startSandbox: startHelloSandbox, demo: [{ title: 'List', argv: ['hello', 'greeting', 'list'] }],
 * });
 */
export function defineProvider<F extends SettingFields, O extends object, C>(
  definition: ProviderDefinition<F, O, C>,
): NimbusProvider<F, O, C> {
  if (!NAME.test(definition.name)) {
    throw new TypeError(`provider name "${definition.name}" must match ${NAME.source}`);
  }
  // Every provider has a `timeout` setting; the definition's own fields come first.
  const fields: F = { ...definition.settings, timeout: timeoutSetting };
  const clientOptions = (settings: SettingsOf<F>): O => ({
    ...definition.clientOptions(settings),
    ...timeoutOptions((settings as Readonly<Record<string, string | undefined>>).timeout),
  });
  const profile: ProfileSectionSpec = {
    fields,
    validate(section) {
      const own = definition.validate?.(section as SettingsOf<F>) ?? [];
      if (own.length > 0) return own;
      // Missing and malformed values are reported by the generic checks; options built from them would only repeat it.
      const incomplete = Object.entries(fields).some(([key, field]) => field.required && !section[key]);
      if (incomplete || kindIssues(fields, section).length > 0) return [];
      try {
        clientOptions(section as SettingsOf<F>);
        return [];
      } catch (error) {
        return issuesOf(error);
      }
    },
  };
  const checkSettings = (settings: SettingsOf<F>, where = 'settings') => {
    assertSection(definition.name, profile, settings as ProfileSection, where);
    return settings;
  };
  const settingsFromEnv = (env: Readonly<Record<string, string | undefined>>) =>
    resolveSection({ fields, env, provider: definition.name }) as SettingsOf<F>;
  return {
    name: definition.name,
    title: definition.title,
    settings: fields,
    profile,
    demo: definition.demo,
    ...(definition.needsS3 ? { needsS3: true } : {}),
    ...(definition.baseFlagEnv ? { baseFlagEnv: definition.baseFlagEnv } : {}),
    startSandbox: (context) => definition.startSandbox(context),
    settingsFromEnv,
    resolveSettings: (sources) =>
      resolveSection({ fields, ...sources, provider: definition.name }) as SettingsOf<F>,
    checkSettings,
    clientOptions,
    createClient: async (options) => definition.createClient(options),
    clientOptionsFromEnv: (env) =>
      clientOptions(checkSettings(settingsFromEnv(env), 'environment variables')),
  };
}

function issuesOf(error: unknown): ValidationIssue[] {
  if (!isApiError(error)) throw error;
  const issues = (error.details as { issues?: unknown } | undefined)?.issues;
  if (Array.isArray(issues) && issues.length > 0) return issues as ValidationIssue[];
  return [{ path: 'settings', message: error.message }];
}
