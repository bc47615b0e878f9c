import { type LocalS3, localS3FromEnv } from '@nimbus-sdk/core/testing';
import { type ImsEmulator, type ImsEmulatorOptions, startImsEmulator } from '../src/emulator/index.js';
import { createImsClient, type ImsClient, type ImsClientOptions } from '../src/index.js';

/** The local RGW when the suite runs through scripts/with-rgw.sh, else undefined. */
export const rgw: LocalS3 | undefined = localS3FromEnv();

/** Starts an emulator (backed by the local RGW when there is one). */
export function startEmulator(options: ImsEmulatorOptions = {}): Promise<ImsEmulator> {
  return startImsEmulator({
    ...(rgw
      ? {
          s3: {
            endpoint: rgw.endpoint,
            accessKeyId: rgw.accessKeyId,
            secretAccessKey: rgw.secretAccessKey,
            region: rgw.region,
          },
        }
      : {}),
    ...options,
  });
}

/** A client of `emulator` with the seeded client credentials. */
export function clientFor(emulator: ImsEmulator, options: Partial<ImsClientOptions> = {}): ImsClient {
  return createImsClient({
    url: emulator.imsUrl,
    auth: {
      tokenUrl: emulator.tokenUrl,
      clientId: emulator.seed.clientId,
      clientSecret: emulator.seed.clientSecret,
    },
    retry: { limit: 2, baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  });
}

/** A syntactically valid public key for jobs. */
export const PUBLIC_KEY =
  'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGx2jVl5cH0fJ8P0cQn8rC2yq0n8Q1hP3m5kW2Zx9vQf test@nimbus';
