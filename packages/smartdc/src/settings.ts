import { ConfigError } from '@nimbus-sdk/core';
import { resolveSection, type SettingsOf } from '@nimbus-sdk/core/provider';
import type { SmartdcClientOptions } from './client-options.js';

/** node-triton's profile fields and environment variables, TRITON_* first: the one source for env, flags and profiles. */
export const smartdcSettings = {
  url: {
    description: 'CloudAPI URL',
    env: ['TRITON_URL', 'SDC_URL'],
    flag: 'url',
    char: 'U',
    required: true,
    kind: 'url',
    role: 'endpoint',
  },
  account: {
    description: 'Account login',
    env: ['TRITON_ACCOUNT', 'SDC_ACCOUNT'],
    flag: 'account',
    char: 'a',
    required: true,
    role: 'credential',
  },
  keyId: {
    description: 'SSH key fingerprint (MD5 or SHA256)',
    env: ['TRITON_KEY_ID', 'SDC_KEY_ID'],
    flag: 'key-id',
    char: 'k',
    required: true,
    kind: 'ssh-key-id',
    role: 'credential',
  },
  user: {
    description: 'RBAC sub-user login',
    env: ['TRITON_USER', 'SDC_USER'],
    flag: 'user',
    role: 'credential',
  },
  keyFile: {
    description: 'Private key file (default: found in ~/.ssh or the ssh-agent by fingerprint)',
    env: ['TRITON_KEY_FILE'],
    flag: 'key-file',
    role: 'credential',
  },
} as const;

/** Resolved `smartdc` settings (from flags, env and a profile, or env alone). */
export type SmartdcSettings = SettingsOf<typeof smartdcSettings>;

/** The settings node-triton and the sdc-* tools read from the environment, TRITON_* first. */
export const SMARTDC_ENV = {
  url: smartdcSettings.url.env,
  account: smartdcSettings.account.env,
  keyId: smartdcSettings.keyId.env,
  user: smartdcSettings.user.env,
} as const;

/** What the kit cannot say from the field kinds: an account is a login, never a path. */
export function smartdcSettingsIssues(settings: SmartdcSettings): { path: string; message: string }[] {
  return settings.account?.includes('/') ? [{ path: 'account', message: 'must not contain "/"' }] : [];
}

/** Resolved settings → `createSmartdcClient` options: the one conversion the CLI and the env reader share. */
export function smartdcClientOptions(settings: SmartdcSettings): SmartdcClientOptions {
  return {
    url: settings.url ?? '',
    account: settings.account ?? '',
    keyId: settings.keyId ?? '',
    ...(settings.user ? { user: settings.user } : {}),
    ...(settings.keyFile ? { key: settings.keyFile } : {}),
  };
}

/**
 * Client options from `TRITON_URL`/`SDC_URL`, `TRITON_ACCOUNT`/`SDC_ACCOUNT`,
 * `TRITON_KEY_ID`/`SDC_KEY_ID` and `TRITON_USER`/`SDC_USER`, with `overrides` on top. Throws a
 * `ConfigError` naming the variables to set when url, account or keyId is still missing.
 * @example const triton = createSmartdcClient(smartdcClientOptionsFromEnv(process.env, { agent: true }));
 */
export function smartdcClientOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  overrides: Partial<SmartdcClientOptions> = {},
): SmartdcClientOptions {
  const { keyFile: _notFromEnv, ...fromEnv } = resolveSection({
    fields: smartdcSettings,
    env,
  }) as SmartdcSettings;
  const merged: Partial<SmartdcClientOptions> = { ...fromEnv, ...overrides };
  const missing = (['url', 'account', 'keyId'] as const).filter((field) => !merged[field]);
  if (missing.length > 0) {
    const hint = missing.map((field) => `${field} (${SMARTDC_ENV[field].join(' or ')})`).join(', ');
    throw new ConfigError(`CloudAPI settings missing from the environment: ${hint}`);
  }
  return merged as SmartdcClientOptions;
}
