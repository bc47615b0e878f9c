import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defineProvider } from '@nimbus-sdk/core/provider';
import type { SmartdcClientOptions } from './client-options.js';
import { smartdcClientOptions, smartdcSettings, smartdcSettingsIssues } from './settings.js';

/**
 * The smartdc provider: node-triton's settings, the client they build, the sandbox (an emulator
 * with a freshly generated, registered key) and the demo. No oclif import here.
 */
const smartdcProvider = defineProvider({
  name: 'smartdc',
  title: 'Joyent Triton / SmartDataCenter CloudAPI',
  settings: smartdcSettings,
  // node-triton's TRITON_PROFILE names the nimbus profile to read; -p and NIMBUS_PROFILE win over it.
  baseFlagEnv: { profile: ['TRITON_PROFILE'] },
  validate: smartdcSettingsIssues,
  clientOptions: (settings): SmartdcClientOptions => smartdcClientOptions(settings),
  createClient: async (options: SmartdcClientOptions) =>
    (await import('./client.js')).createSmartdcClient(options),
  async startSandbox(context) {
    // Loaded here, not at the top: every smartdc command and `nimbus profile` import this module.
    const [{ startSmartdcEmulator }, { default: sshpk }] = await Promise.all([
      import('./emulator/index.js'),
      import('sshpk'),
    ]);
    const emulator = await startSmartdcEmulator();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const keyFile = join(context.stateDir, 'smartdc_id_rsa');
    // The key file is a credential: owner-only from the moment it exists.
    await writeFile(keyFile, privateKey, { mode: 0o600 });
    const openssh = `${sshpk.parseKey(publicKey, 'pem').toString('ssh')} nimbus-sandbox`;
    await writeFile(`${keyFile}.pub`, `${openssh}\n`, { mode: 0o644 });
    const key = emulator.addKey(openssh, { name: 'nimbus-sandbox' });
    return {
      url: emulator.url,
      profile: { url: emulator.url, account: emulator.account, keyId: key.fingerprint, keyFile },
      close: () => emulator.close(),
    };
  },
  demo: [
    { title: 'Who am I', argv: ['smartdc', 'account', 'get'] },
    { title: 'Images on offer', argv: ['smartdc', 'image', 'list'] },
    { title: 'Packages', argv: ['smartdc', 'package', 'list'] },
    {
      title: 'Create a machine and wait for it to run',
      argv: ['smartdc', 'machine', 'create', 'base64', 'g4-highcpu-512M', '--name', 'demo-1', '--wait'],
    },
    {
      title: 'Snapshot it',
      argv: ['smartdc', 'machine', 'snapshot', 'create', 'demo-1', '--name', 'first', '--wait'],
    },
    { title: 'Tag it', argv: ['smartdc', 'machine', 'tag', 'set', 'demo-1', 'role=web'] },
    { title: 'List the web machines, triton style', argv: ['smartdc', 'instance', 'ls', 'tag.role=web'] },
    { title: 'Delete it and wait', argv: ['smartdc', 'machine', 'delete', 'demo-1', '--wait'] },
  ],
});

export default smartdcProvider;
