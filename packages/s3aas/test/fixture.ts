import { localS3FromEnv } from '@nimbus-sdk/core/testing';
import { type S3aasEmulator, type S3aasEmulatorOptions, startS3aasEmulator } from '../src/emulator/index.js';
import { createS3aasClient, type S3aasClient, type S3aasClientOptions } from '../src/index.js';

/** The local RGW of `scripts/with-rgw.sh`, when the suite runs beside one. */
export const rgw = localS3FromEnv();

/** Starts an emulator (with RGW behind it when available). */
export function startEmulator(options: S3aasEmulatorOptions = {}): Promise<S3aasEmulator> {
  return startS3aasEmulator({
    delays: { provisioningMs: 50, activationMs: 150 },
    syncDelayMs: 200,
    rgw: rgw
      ? { endpoint: rgw.endpoint, accessKeyId: rgw.accessKeyId, secretAccessKey: rgw.secretAccessKey }
      : undefined,
    ...options,
  });
}

/** A client logged in as the seeded owner (or whoever `iam` says). */
export function clientFor(emulator: S3aasEmulator, overrides: Partial<S3aasClientOptions> = {}): S3aasClient {
  return createS3aasClient({
    url: emulator.url,
    iam: {
      url: emulator.url,
      username: emulator.seed.owner.username,
      password: emulator.seed.owner.password,
    },
    dataPlane: emulator.dataPlaneEndpoint ? { endpoint: emulator.dataPlaneEndpoint } : undefined,
    retry: { limit: 0 },
    ...overrides,
  });
}

/** A minimal valid instance body. */
export function instanceInput(emulator: S3aasEmulator, name = 's3-data') {
  return { name, cpu: 1, ram: 1024, disk_size: 10, version: emulator.seed.versionId };
}
