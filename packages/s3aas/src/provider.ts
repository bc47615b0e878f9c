import { defineProvider } from '@nimbus-sdk/core/provider';
import type { S3aasClientOptions } from './client-options.js';
import { startS3aasSandbox } from './sandbox.js';
import { s3aasClientOptions, s3aasSettings } from './settings.js';

/**
 * The s3aas provider: its settings (flags, environment, profile), the client they build, the
 * sandbox (the emulator on the sandbox's RGW, logged in as the seeded owner) and the demo.
 */
const s3aasProvider = defineProvider({
  name: 's3aas',
  needsS3: true,
  title: 'Exordos S3-as-a-service (control plane + IAM emulator, data plane on RGW)',
  settings: s3aasSettings,
  clientOptions: (settings): S3aasClientOptions => s3aasClientOptions(settings),
  // Loaded on use: `nimbus profile` and `nimbus sandbox` import this module for every provider.
  createClient: async (options: S3aasClientOptions) =>
    (await import('./client.js')).createS3aasClient(options),
  startSandbox: (context) => startS3aasSandbox(context),
  demo: [
    { title: 'Who am I (the seeded owner)', argv: ['s3aas', 'whoami'] },
    { title: 'Data-plane versions', argv: ['s3aas', 'version', 'list'] },
    { title: 'Instances', argv: ['s3aas', 'instance', 'list'] },
  ],
});

export default s3aasProvider;
