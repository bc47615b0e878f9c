import {
  type SmartdcEmulator,
  type SmartdcEmulatorOptions,
  startSmartdcEmulator,
} from '../../src/emulator/index.js';
import { createSmartdcClient, type SmartdcClient } from '../../src/index.js';
import { generateKey, tempDir } from './ssh-keys.js';

/** A CloudAPI emulator and an SDK client signing with a fresh RSA key file it knows. */
export interface EmulatorClient {
  emulator: SmartdcEmulator;
  client: SmartdcClient;
  /** Stops the emulator and removes the key's directory. */
  close(): Promise<void>;
}

/** Starts the emulator with `options`, registers a new key with it and builds a client on that key. */
export async function startEmulatorClient(
  options: SmartdcEmulatorOptions,
  prefix: string,
): Promise<EmulatorClient> {
  const dir = await tempDir(prefix);
  const key = await generateKey(dir.path, 'id_rsa', 'rsa');
  const emulator = await startSmartdcEmulator(options);
  emulator.addKey(key.publicKey);
  const client = createSmartdcClient({
    url: emulator.url,
    account: emulator.account,
    keyId: key.md5,
    key: key.privateKeyFile,
  });
  return {
    emulator,
    client,
    async close() {
      await emulator.close();
      await dir.remove();
    },
  };
}
