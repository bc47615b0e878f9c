import { ConfigError } from '@nimbus-sdk/core';
import { parseDuration } from '@nimbus-sdk/core/cli';
import * as Flags from '@oclif/core/flags';
import { DEFAULT_NAAS_LOGIN_URL, loginWithBrowser } from '../../auth/login.js';
import { tradeToken } from '../../auth/token-trade.js';
import { NaasCommand, naasSettingsFlags } from '../../cli/naas-command.js';
import { openBrowser } from '../../cli/open-browser.js';
import { defaultCredentialsPath, saveJwtToken } from '../../credentials-file.js';

export default class Login extends NaasCommand<typeof Login> {
  static override summary = 'Log in to Naas and save the token in ~/.naas/credentials (0600)';
  static override description =
    'Opens the Naas login page and waits for its code on 127.0.0.1:38745 (loopback only, https://naas.ai origin only). ' +
    'Without a browser, pass --token <jwt> or --jupyterhub-token <token>.';
  static override flags = {
    ...naasSettingsFlags,
    token: Flags.string({ description: 'Save this Naas JWT (headless login)' }),
    'jupyterhub-token': Flags.string({
      description: 'Trade this JupyterHub token for a Naas JWT and save it',
    }),
    'no-browser': Flags.boolean({ description: 'Only print the login URL (and wait for its code)' }),
    // Not `--timeout`: that is every provider's request deadline.
    'wait-timeout': Flags.custom<number>({
      description: 'Give up waiting for the browser after this long (default 2m)',
      helpValue: '<duration>',
      parse: async (input) => parseDuration(input),
    })(),
  };

  async run(): Promise<void> {
    const settings = await this.settings();
    const file = settings.credentialsFile ?? defaultCredentialsPath();
    const authUrl = settings.authUrl;
    const { token, 'jupyterhub-token': hubToken } = this.flags;
    if (token) this.registerSecret(token);
    if (hubToken) this.registerSecret(hubToken);
    let source: string;
    if (token) {
      await saveJwtToken(file, token);
      source = 'token';
    } else if (hubToken) {
      await saveJwtToken(file, await tradeToken('jupyterhub', hubToken, { authUrl }));
      source = 'jupyterhub';
    } else {
      if (!process.stdin.isTTY && !this.flags['no-browser']) {
        // A script or CI job has no one to click the login page: say what works there.
        throw new ConfigError(
          'No terminal to log in from: pass --token <jwt> or --jupyterhub-token <token> (or --no-browser to print the login URL and wait for it)',
        );
      }
      const loginUrl = settings.loginUrl ?? DEFAULT_NAAS_LOGIN_URL;
      const jwt = await loginWithBrowser({
        authUrl,
        credentialsFile: file,
        loginUrl,
        timeoutMs: this.flags['wait-timeout'] ?? 120_000,
        openUrl: (url) => {
          process.stderr.write(`Log in at ${url} (waiting for the browser on 127.0.0.1:38745)\n`);
          if (!this.flags['no-browser']) openBrowser(url);
        },
      });
      this.registerSecret(jwt);
      source = 'browser';
    }
    if (this.jsonOutput) this.printResult({ loggedIn: true, via: source, credentialsFile: file });
    else this.log(`Logged in; the token is saved in ${file}`);
  }
}
