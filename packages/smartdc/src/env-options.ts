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
 * `TRITON_KEY_ID`/`SDC_KEY_ID` and `TRITON_USER`/`SDC_USER`. Unset ones are left out, so the
 * client's own validation names what is missing.
 * @example const triton = createSmartdcClient(smartdcClientOptionsFromEnv(process.env));
 */
export function smartdcClientOptionsFromEnv(
  env: Record<string, string | undefined>,
): Partial<SmartdcClientOptions> {
  const pick = (names: readonly string[]) =>
    names.map((name) => env[name]).find((value) => value !== undefined && value !== '');
  const options: Partial<SmartdcClientOptions> = {};
  const url = pick(SMARTDC_ENV.url);
  const account = pick(SMARTDC_ENV.account);
  const keyId = pick(SMARTDC_ENV.keyId);
  const user = pick(SMARTDC_ENV.user);
  if (url !== undefined) options.url = url;
  if (account !== undefined) options.account = account;
  if (keyId !== undefined) options.keyId = keyId;
  if (user !== undefined) options.user = user;
  return options;
}
