import { ConfigError } from '@nimbus-sdk/core';
import type { SmartdcClientOptions } from './client-options.js';

/** The settings node-triton and the sdc-* tools read from the environment, TRITON_* first. */
export const SMARTDC_ENV = {
  url: ['TRITON_URL', 'SDC_URL'],
  account: ['TRITON_ACCOUNT', 'SDC_ACCOUNT'],
  keyId: ['TRITON_KEY_ID', 'SDC_KEY_ID'],
  user: ['TRITON_USER', 'SDC_USER'],
} as const;

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
  const pick = (names: readonly string[]) =>
    names.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  const fromEnv: Partial<SmartdcClientOptions> = {};
  for (const field of ['url', 'account', 'keyId', 'user'] as const) {
    const value = pick(SMARTDC_ENV[field]);
    if (value !== undefined) fromEnv[field] = value;
  }
  const merged = { ...fromEnv, ...overrides };
  const missing = (['url', 'account', 'keyId'] as const).filter((field) => !merged[field]);
  if (missing.length > 0) {
    const hint = missing.map((field) => `${field} (${SMARTDC_ENV[field].join(' or ')})`).join(', ');
    throw new ConfigError(`CloudAPI settings missing from the environment: ${hint}`);
  }
  return merged as SmartdcClientOptions;
}
