import { createProfileStore, nimbusConfigDir } from '@nimbus-sdk/core/provider';
import * as Flags from '@oclif/core/flags';
import { S3aasCommand, s3aasFlags } from '../../cli/s3aas-command.js';

export default class Login extends S3aasCommand<typeof Login> {
  static override summary = 'Log in to Exordos IAM and keep the refresh token in the profile';
  static override description =
    'Runs the password grant once and stores the refresh token (never the password unless --save-password) in the s3aas section of the selected profile (or "default"), file mode 0600. Later commands renew their token from it.';
  static override flags = {
    ...s3aasFlags,
    'save-password': Flags.boolean({ description: 'Also store the password in the profile', default: false }),
  };

  async run(): Promise<void> {
    const settings = await this.resolveSettings(this.provider);
    const client = await this.client();
    // A saved refresh token must not stand in for the password being checked now.
    const tokens = await client.iam.login();
    const store = createProfileStore({ dir: nimbusConfigDir(process.env) });
    const name = (this.flags.profile as string | undefined) || (await store.active()) || 'default';
    const profile = (await store.get(name)) ?? {};
    const section: Record<string, string> = { ...(profile.s3aas ?? {}) };
    for (const key of [
      'url',
      'iamUrl',
      'username',
      'clientId',
      'clientSecret',
      'project',
      'dataPlaneEndpoint',
    ] as const) {
      const value = settings[key];
      if (value) section[key] = value;
    }
    if (tokens.refreshToken) section.refreshToken = tokens.refreshToken;
    if (this.flags['save-password'] && settings.password) section.password = settings.password;
    else delete section.password;
    await store.put(name, { ...profile, s3aas: section });
    if ((await store.active()) === undefined) await store.use(name);
    const me = await client.whoami();
    this.printResult({
      profile: name,
      user: me.user_info.name,
      project_id: me.project_id ?? null,
      access_token_expires_at: tokens.expiresAt ? new Date(tokens.expiresAt).toISOString() : null,
      saved: Object.keys(section).filter((key) => key !== 'password' || this.flags['save-password']),
    });
  }
}
