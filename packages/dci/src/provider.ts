import { defineProvider } from '@nimbus-sdk/core/provider';
import type { DciClientOptions } from './client-options.js';
import { dciClientOptions, dciSettings } from './settings.js';

/**
 * The DCI provider: dcictl's settings, the client they build, the sandbox (the emulator with a
 * seeded remoteci) and the demo. The CLI and the kit derive flags, env reading and profile
 * validation from it.
 */
const dciProvider = defineProvider({
  name: 'dci',
  title: 'Red Hat Distributed CI (DCI control server emulator)',
  settings: dciSettings,
  // dcictl's DCI_FORMAT sets --format; --format, --json and -j win over it.
  baseFlagEnv: { format: ['DCI_FORMAT'] },
  clientOptions: (settings): DciClientOptions => dciClientOptions(settings),
  // Loaded on use: `nimbus profile` and `nimbus sandbox` import this module for every provider.
  createClient: async (options: DciClientOptions) => (await import('./client.js')).createDciClient(options),
  async startSandbox() {
    const { startDciEmulator } = await import('./emulator/index.js');
    // A few finished jobs so `job list` in the demo shows something.
    const emulator = await startDciEmulator({ seed: { jobs: 5 } });
    const { remoteci, feeder, users } = emulator.seed;
    return {
      url: emulator.url,
      profile: { url: emulator.url, clientId: remoteci.clientId, apiSecret: remoteci.apiSecret },
      // The profile signs as the partner remoteci; these are the other roles dcictl users switch to.
      credentials: {
        'admin login': `${users.admin.login} / ${users.admin.password}`,
        'partner user login': `${users.partner.login} / ${users.partner.password}`,
        'feeder client id': feeder.clientId,
        'feeder api secret': feeder.apiSecret,
      },
      close: () => emulator.close(),
    };
  },
  demo: [
    { title: 'Who am I (the seeded remoteci)', argv: ['dci', 'identity', 'show'] },
    { title: 'Topics visible to the remoteci', argv: ['dci', 'topic', 'list'] },
    { title: 'Recent jobs', argv: ['dci', 'job', 'list', '--limit', '5'] },
  ],
});

export default dciProvider;
