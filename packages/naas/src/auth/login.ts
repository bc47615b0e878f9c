import { defaultCredentialsPath, saveJwtToken } from '../credentials-file.js';
import { type LoginCallbackOptions, startLoginCallback } from './login-callback.js';
import { tradeToken } from './token-trade.js';

/** The page naas-python opens; `NAAS_LOGIN_URL` overrides it. */
export const DEFAULT_NAAS_LOGIN_URL = 'https://naas.ai?cli_token=generate_token';

/** Options of {@link loginWithBrowser}. */
export interface BrowserLoginOptions extends LoginCallbackOptions {
  /** Opens the login page (the CLI runs the platform opener with an argv array). */
  openUrl: (url: string) => void | Promise<void>;
  loginUrl?: string;
  authUrl?: string;
  credentialsFile?: string;
  fetch?: typeof fetch;
  /** Told the callback's port once it listens (tests, or a page that takes the port). */
  onListening?: (port: number) => void;
}

/**
 * The browser login: waits on the 127.0.0.1 callback for the web app's code, trades it at the auth
 * host for a long-lived JWT, and saves it (merged, 0600) where every Naas tool reads it.
 *
 * @returns the JWT.
 */
export async function loginWithBrowser(options: BrowserLoginOptions): Promise<string> {
  const callback = await startLoginCallback(options);
  try {
    options.onListening?.(callback.port);
    await options.openUrl(options.loginUrl ?? DEFAULT_NAAS_LOGIN_URL);
    const code = await callback.code;
    const jwt = await tradeToken('workspace', code, { authUrl: options.authUrl, fetch: options.fetch });
    await saveJwtToken(options.credentialsFile ?? defaultCredentialsPath(), jwt);
    return jwt;
  } finally {
    await callback.close();
  }
}
