// Child of startup.bench.mjs: serves the DCI and CloudAPI emulators from another process, because
// the bench times commands with spawnSync, which blocks its own event loop. argv[2] is an OpenSSH
// public key to register on the CloudAPI account. Prints one JSON line, then serves until killed.
import { readFileSync } from 'node:fs';
import { startDciEmulator } from '@nimbus-sdk/dci/emulator';
import { startSmartdcEmulator } from '@nimbus-sdk/smartdc/emulator';

const dci = await startDciEmulator();
const cloudapi = await startSmartdcEmulator({ seed: { login: 'bench', machines: 10 } });
const key = cloudapi.addKey(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(
  `${JSON.stringify({ dci: dci.url, cloudapi: cloudapi.url, account: 'bench', keyId: key.fingerprint })}\n`,
);
process.on('SIGTERM', async () => {
  await Promise.all([dci.close(), cloudapi.close()]);
  process.exit(0);
});
