import { type DciEmulator, type DciEmulatorOptions, startDciEmulator } from '../src/emulator/index.js';
import { createDciClient, type DciClient, type DciClientOptions } from '../src/index.js';

/** A running emulator with clients for its seeded identities, and a count of requests sent. */
export interface DciFixture {
  emulator: DciEmulator;
  /** The seeded remoteci (DCI2 signature). */
  remoteci: DciClient;
  /** The super admin (basic auth). */
  admin: DciClient;
  /** The partner team's user (basic auth). */
  partner: DciClient;
  /** Requests sent by every client of this fixture, by `METHOD path?query`. */
  requests: string[];
  client(options: Partial<DciClientOptions> & Pick<DciClientOptions, 'auth'>): DciClient;
}

export async function startFixture(options: DciEmulatorOptions = {}): Promise<DciFixture> {
  const emulator = await startDciEmulator(options);
  const requests: string[] = [];
  const countingFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(
      `${init?.method ?? (input instanceof Request ? input.method : 'GET')} ${url.pathname}${url.search}`,
    );
    return fetch(input, init);
  };
  const client = (o: Partial<DciClientOptions> & Pick<DciClientOptions, 'auth'>) =>
    createDciClient({ url: emulator.url, fetch: countingFetch, retry: false, ...o });
  const { seed } = emulator;
  return {
    emulator,
    requests,
    client,
    remoteci: client({
      auth: { type: 'signature', clientId: seed.remoteci.clientId, apiSecret: seed.remoteci.apiSecret },
    }),
    admin: client({ auth: { type: 'basic', login: 'admin', password: seed.users.admin.password } }),
    partner: client({ auth: { type: 'basic', login: 'partner', password: seed.users.partner.password } }),
  };
}
