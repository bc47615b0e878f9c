import type { NimbusProviderPlugin } from '@nimbus-sdk/core/cli';
import { credentialsFromEnv } from './environment.js';

/** The environment variable names of dcictl, per profile field: the single source for flags, env and profiles. */
const fields = {
  url: {
    description: 'DCI server root, e.g. https://api.distributed-ci.io',
    env: ['DCI_CS_URL'],
    flag: 'dci-cs-url',
    required: true,
  },
  clientId: {
    description: 'Remoteci or feeder id: remoteci/<uuid> or feeder/<uuid>',
    env: ['DCI_CLIENT_ID'],
    flag: 'dci-client-id',
  },
  apiSecret: {
    description: 'API secret of the remoteci or feeder',
    env: ['DCI_API_SECRET'],
    flag: 'dci-api-secret',
    secret: true,
  },
  login: { description: 'User login (name or email) for basic auth', env: ['DCI_LOGIN'], flag: 'dci-login' },
  password: {
    description: 'User password for basic auth',
    env: ['DCI_PASSWORD'],
    flag: 'dci-password',
    secret: true,
  },
  ssoToken: { description: 'Red Hat SSO access token', env: ['SSO_TOKEN'], flag: 'sso-token', secret: true },
  ssoUrl: { description: 'Red Hat SSO (Keycloak) root', env: ['SSO_URL'], flag: 'sso-url' },
  ssoUsername: { description: 'Red Hat SSO user name', env: ['SSO_USERNAME'], flag: 'sso-username' },
  ssoPassword: {
    description: 'Red Hat SSO password',
    env: ['SSO_PASSWORD'],
    flag: 'sso-password',
    secret: true,
  },
} as const;

/** A resolved `dci` profile section as the environment variables dcictl would read. */
export function sectionAsEnv(section: Readonly<Record<string, string>>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {};
  for (const [key, field] of Object.entries(fields)) env[field.env[0]] = section[key];
  return env;
}

/**
 * The DCI provider of the nimbus CLI: its profile section (dcictl's variables and flags), its
 * sandbox (the emulator with a seeded remoteci) and its demo.
 */
const dciPlugin: NimbusProviderPlugin = {
  name: 'dci',
  title: 'Red Hat Distributed CI (DCI control server emulator)',
  profile: {
    fields,
    validate(section) {
      try {
        credentialsFromEnv(sectionAsEnv(section));
        return [];
      } catch (error) {
        return [{ path: 'credentials', message: (error as Error).message }];
      }
    },
  },
  async startSandbox() {
    const { startDciEmulator } = await import('./emulator/index.js');
    // A few finished jobs so `job list` in the demo shows something.
    const emulator = await startDciEmulator({ seed: { jobs: 5 } });
    const { remoteci } = emulator.seed;
    return {
      url: emulator.url,
      profile: { url: emulator.url, clientId: remoteci.clientId, apiSecret: remoteci.apiSecret },
      close: () => emulator.close(),
    };
  },
  demo: [
    { title: 'Who am I (the seeded remoteci)', argv: ['dci', 'identity', 'show'] },
    { title: 'Topics visible to the remoteci', argv: ['dci', 'topic', 'list'] },
    { title: 'Recent jobs', argv: ['dci', 'job', 'list', '--limit', '5'] },
  ],
};

export default dciPlugin;
