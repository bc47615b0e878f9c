import { join } from 'node:path';
import { defineProvider } from '@nimbus-sdk/core/provider';
import type { NaasClientOptions } from './client-options.js';
import { naasClientOptions, naasSettings } from './settings.js';

/**
 * The Naas provider: naas-python's settings, the client they build, the sandbox (the emulator with
 * a seeded workspace, its storage in the sandbox's RGW) and the demo.
 */
const naasProvider = defineProvider({
  name: 'naas',
  needsS3: true,
  title: 'Naas spaces, registries, secrets, storage and assets (emulator)',
  settings: naasSettings,
  clientOptions: (settings): NaasClientOptions => naasClientOptions(settings),
  // Loaded on use: `nimbus profile` and `nimbus sandbox` import this module for every provider.
  createClient: async (options: NaasClientOptions) => (await import('./client.js')).createNaasClient(options),
  async startSandbox(context) {
    const { startNaasEmulator } = await import('./emulator/index.js');
    const emulator = await startNaasEmulator(
      context.s3 ? { s3: { ...context.s3, bucket: 'naas-sandbox' } } : {},
    );
    const profile: Record<string, string> = {
      url: emulator.url,
      authUrl: emulator.authUrl,
      token: emulator.seed.token,
      workspaceId: emulator.seed.workspaceId,
      // Its own credentials file, so a real ~/.naas/credentials never meets the sandbox.
      credentialsFile: join(context.stateDir, 'naas', 'credentials'),
    };
    if (context.s3) profile.s3Endpoint = context.s3.endpoint;
    return { url: emulator.url, profile, close: () => emulator.close() };
  },
  demo: [
    {
      title: 'Create a secret',
      argv: ['naas', 'secret', 'create', '--name', 'DEMO_KEY', '--value', 's3cr3t'],
    },
    { title: 'Secrets (names only)', argv: ['naas', 'secret', 'list'] },
    { title: 'Create a registry', argv: ['naas', 'registry', 'create', '--name', 'demo-registry'] },
    {
      title: 'Create a space',
      argv: ['naas', 'space', 'create', '--name', 'demo-app', '--image', 'nginx:1.27', '--port', '80'],
    },
    { title: 'Spaces', argv: ['naas', 'space', 'list'] },
    { title: 'Storages of the seeded workspace', argv: ['naas', 'storage', 'list'] },
  ],
});

export default naasProvider;
