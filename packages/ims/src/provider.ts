import { defineProvider } from '@nimbus-sdk/core/provider';
import type { ImsClientOptions } from './client-options.js';
import { imsClientOptions, imsSettings } from './settings.js';

/**
 * The IMS provider: the helper's settings, the client they build, the sandbox (the emulator on the
 * sandbox's RGW with the boot-images and ims buckets) and the demo.
 */
const imsProvider = defineProvider({
  name: 'ims',
  needsS3: true,
  title: 'HPE Cray Image Management Service (IMS emulator with Keycloak, on the sandbox S3)',
  settings: imsSettings,
  clientOptions: (settings): ImsClientOptions => imsClientOptions(settings),
  // Loaded on use: `nimbus profile` and `nimbus sandbox` import this module for every provider.
  createClient: async (options: ImsClientOptions) => (await import('./client.js')).createImsClient(options),
  async startSandbox(context) {
    const { startImsSandbox } = await import('./sandbox.js');
    return startImsSandbox(context);
  },
  demo: [
    { title: 'IMS version', argv: ['ims', 'version'] },
    { title: 'Images', argv: ['ims', 'image', 'list'] },
    { title: 'Jobs', argv: ['ims', 'job', 'list'] },
  ],
});

export default imsProvider;
