/**
 * What every provider package offers the nimbus CLI beyond its oclif commands. The CLI finds it
 * through the plugin's package.json (`"nimbus": { "plugin": "./dist/nimbus-plugin.js" }`, whose
 * default export is a {@link NimbusProviderPlugin}), so `sandbox` and `profile` work for any
 * installed provider, bundled or third-party, with no list in the CLI.
 */
export interface NimbusProviderPlugin {
  /** The topic and profile section name: `dci`, `smartdc`, ... */
  readonly name: string;
  /** One line for `nimbus sandbox status` and help. */
  readonly title: string;
  /** The settings of this provider's profile section. */
  readonly profile: ProfileSectionSpec;
  /** Starts this provider's emulator for `nimbus sandbox up`, seeded with usable credentials. */
  startSandbox(context: SandboxContext): Promise<SandboxService>;
  /** The CLI steps of `nimbus sandbox demo` for this provider, run in order against the sandbox. */
  readonly demo: readonly DemoStep[];
  /** Its emulator keeps data in S3: `nimbus sandbox up` then starts the local RGW unless `--no-s3`. */
  readonly needsS3?: boolean;
  /**
   * The provider's own environment variables for base flags of its commands (dcictl's
   * `DCI_FORMAT` for `--format`, node-triton's `TRITON_PROFILE` for `--profile`), read only when
   * neither the flag nor the nimbus variable (`NIMBUS_PROFILE`) is set.
   */
  readonly baseFlagEnv?: BaseFlagEnv;
}

/** Environment variables that set base flags of one provider's commands; see {@link NimbusProviderPlugin.baseFlagEnv}. */
export type BaseFlagEnv = Readonly<Partial<Record<'format' | 'profile', readonly string[]>>>;

/** One setting of a profile section. */
export interface ProfileField {
  description: string;
  /** Masked in `profile show` and never logged. */
  secret?: boolean;
  /** Environment variables read for it, first match wins (`DCI_CS_URL`, `TRITON_URL`, `SDC_URL`). */
  env?: readonly string[];
  /** The oclif flag name that overrides it (`dci-cs-url`). */
  flag?: string;
  /** A one-letter short form of `flag` (`-a` for `--account`, as node-triton has it). */
  char?: string;
  required?: boolean;
  /** What the value must look like, checked when settings are resolved. Default `text`. */
  kind?: SettingKind;
  /**
   * `credential`: part of the identity (ids, secrets, account, key); `endpoint`: where credentials
   * are sent. Credentials are resolved as a unit from the one highest-priority source that supplies
   * any of them, and an endpoint must come from that same source: see `resolveSection`.
   */
  role?: 'credential' | 'endpoint';
}

/**
 * The value kinds a setting can be checked against: `text` (anything non-empty), `url` (an
 * absolute http(s) URL), `integer` (decimal digits), `boolean` (`true`/`false`/`1`/`0`),
 * `duration` (`90s`, `10m`, `1h30m` or seconds), `ssh-key-id` (an SSH key fingerprint: `aa:bb:…`,
 * `MD5:aa:…`, `SHA256:…`, or a CloudAPI keyId path `/<account>/keys/<md5>`).
 */
export type SettingKind = 'text' | 'url' | 'integer' | 'boolean' | 'duration' | 'ssh-key-id';

/** The shape of one provider's profile section. */
export interface ProfileSectionSpec {
  fields: Readonly<Record<string, ProfileField>>;
  /** Cross-field checks (e.g. "signature needs both client id and secret"); returns problems found. */
  validate?(section: Readonly<Record<string, string>>): readonly { path: string; message: string }[];
}

/** What the sandbox hands to each provider when starting its emulator. */
export interface SandboxContext {
  /** The local Ceph RGW when one runs, for providers whose service stores data in S3. */
  s3?: { endpoint: string; region: string; accessKeyId: string; secretAccessKey: string };
  /** A directory the provider may write files to (keys, credential files) for this sandbox run. */
  stateDir: string;
}

/** A running emulator started by the sandbox. */
export interface SandboxService {
  url: string;
  /** The profile section that points this provider's CLI at the emulator. */
  profile: Record<string, string>;
  /** Extra environment the provider's commands need (e.g. `SSH_AUTH_SOCK`); usually empty. */
  env?: Record<string, string>;
  /**
   * Other identities the emulator was seeded with (an admin login, a feeder's key), by what they
   * are: `nimbus sandbox up` and `status` print them so every role can be tried.
   */
  credentials?: Record<string, string>;
  close(): Promise<void>;
}

/** One step of the sandbox demo: a CLI invocation and what it shows. */
export interface DemoStep {
  title: string;
  /** Arguments after `nimbus`, e.g. `['dci', 'topic', 'list']`. */
  argv: readonly string[];
}
