import { randomBytes } from 'node:crypto';

/** What a fresh emulator holds. */
export interface ImsSeedOptions {
  /** The OAuth2 client id. Default `admin-client`, the CSM convention. */
  clientId?: string;
  /** Its secret. Default a random one (read it from `emulator.seed`). */
  clientSecret?: string;
}

/** The credentials of the seeded client. */
export interface ImsSeedInfo {
  clientId: string;
  clientSecret: string;
}

/** The seeded OAuth2 client (IMS starts with no records). */
export function seedInfo(options: ImsSeedOptions = {}): ImsSeedInfo {
  return {
    clientId: options.clientId ?? 'admin-client',
    clientSecret: options.clientSecret ?? randomBytes(18).toString('base64url'),
  };
}
