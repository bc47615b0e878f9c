import { type AuthStrategy, createTransport, NotFoundError } from '@nimbus-sdk/core';
import { cloudApiSigner } from './auth/cloudapi-signer.js';
import { checkClientOptions, DEFAULT_ACCEPT_VERSION, type SmartdcClientOptions } from './client-options.js';
import type { SmartdcContext } from './context.js';
import { classifyCloudApiError, parseCloudApiError } from './error-body.js';
import {
  type MachineWaitOptions,
  type MachineWaitResult,
  type MachineWaitResultFor,
  waitForMachineState,
  waitWhileMachineState,
} from './machine-waiters.js';
import { AccountResource } from './resources/account.js';
import { DatacentersResource } from './resources/datacenters.js';
import { FirewallRulesResource } from './resources/firewall-rules.js';
import { ImagesResource } from './resources/images.js';
import { KeysResource } from './resources/keys.js';
import { MachinesResource } from './resources/machines.js';
import { MetadataResource } from './resources/metadata.js';
import { NetworksResource } from './resources/networks.js';
import { PackagesResource } from './resources/packages.js';
import { ServicesResource } from './resources/services.js';
import { SnapshotsResource } from './resources/snapshots.js';
import { TagsResource } from './resources/tags.js';
import type { MachineState } from './types.js';

function buildClient(options: SmartdcClientOptions, auth: AuthStrategy): SmartdcClient {
  const transport = createTransport({
    baseUrl: options.url.replace(/\/+$/, ''),
    auth,
    headers: {
      'accept-version': options.acceptVersion ?? DEFAULT_ACCEPT_VERSION,
      accept: 'application/json',
    },
    parseErrorBody: parseCloudApiError,
    classifyError: classifyCloudApiError,
    requestIdHeader: 'request-id',
    userAgent: options.userAgent ?? '@nimbus-sdk/smartdc',
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.totalTimeoutMs === undefined ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const context: SmartdcContext = { transport, account: options.account };
  const datacenters = new DatacentersResource(context);
  return {
    url: transport.baseUrl,
    login: options.account,
    describeAuth: () => auth.describe(),
    account: new AccountResource(context),
    keys: new KeysResource(context),
    datacenters,
    services: new ServicesResource(context),
    images: new ImagesResource(context),
    packages: new PackagesResource(context),
    networks: new NetworksResource(context),
    firewallRules: new FirewallRulesResource(context),
    machines: new MachinesResource(context),
    snapshots: new SnapshotsResource(context),
    metadata: new MetadataResource(context),
    tags: new TagsResource(context),
    // The implementation returns the union; the typed signatures narrow it by the states asked for.
    waitForMachineState: ((id, states, waitOptions) =>
      waitForMachineState(context, id, states, waitOptions)) as SmartdcClient['waitForMachineState'],
    pollUntil: ((id, state, waitOptions) =>
      waitForMachineState(context, id, [state], waitOptions)) as SmartdcClient['pollUntil'],
    pollWhile: (id, state, waitOptions) => waitWhileMachineState(context, id, state, waitOptions),
    async inDatacenter(name, callOptions = {}) {
      const known = await datacenters.list(callOptions);
      const url = known[name];
      if (!url) {
        throw new NotFoundError(
          `datacenter "${name}" is not one of: ${Object.keys(known).join(', ') || '(none)'}`,
          {
            status: 404,
          },
        );
      }
      return buildClient({ ...options, url }, auth);
    },
  };
}

/** A CloudAPI client: one resource object per CloudAPI collection, plus the machine waiters. */
export interface SmartdcClient {
  /** The CloudAPI base URL this client talks to. */
  readonly url: string;
  /** The account login in every path. */
  readonly login: string;
  /** How requests are signed; never reveals key material. */
  describeAuth(): string;
  readonly account: AccountResource;
  readonly keys: KeysResource;
  readonly datacenters: DatacentersResource;
  readonly services: ServicesResource;
  readonly images: ImagesResource;
  readonly packages: PackagesResource;
  readonly networks: NetworksResource;
  readonly firewallRules: FirewallRulesResource;
  readonly machines: MachinesResource;
  readonly snapshots: SnapshotsResource;
  readonly metadata: MetadataResource;
  readonly tags: TagsResource;
  /**
   * Waits for machine `id` to reach one of `states` (deadline, abort, backoff, progress).
   * @example await triton.waitForMachineState(m.id, ['running'], { timeoutMs: 300_000 })
   */
  waitForMachineState<S extends MachineState>(
    id: string,
    states: S | readonly S[],
    options?: MachineWaitOptions,
  ): Promise<MachineWaitResultFor<S>>;
  /** py-smartdc `poll_until(state)` with a deadline: waits until the machine is in `state`. */
  pollUntil<S extends MachineState>(
    id: string,
    state: S,
    options?: MachineWaitOptions,
  ): Promise<MachineWaitResultFor<S>>;
  /** py-smartdc `poll_while(state)` with a deadline: waits until the machine leaves `state`. */
  pollWhile(id: string, state: MachineState, options?: MachineWaitOptions): Promise<MachineWaitResult>;
  /** The same credentials against another datacenter of ListDatacenters (py-smartdc `datacenter(name)`). */
  inDatacenter(name: string, options?: { signal?: AbortSignal }): Promise<SmartdcClient>;
}

/**
 * Creates a Triton CloudAPI client. Requests are signed with HTTP Signatures (`(request-target)
 * date`, like node-triton) using the key named by `keyId`, from `key`, `~/.ssh` or the ssh-agent.
 * Options are checked before anything is read or sent.
 * @example
 * const triton = createSmartdcClient({ url: 'https://us-east-1.api.joyent.com', account: 'jill', keyId: 'SHA256:…' });
 * for await (const m of triton.machines.list({ state: 'running' })) console.log(m.name);
 */
export function createSmartdcClient(options: SmartdcClientOptions): SmartdcClient {
  checkClientOptions(options);
  return buildClient(options, options.auth ?? cloudApiSigner(options));
}
