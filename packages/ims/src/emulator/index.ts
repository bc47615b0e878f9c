/**
 * @nimbus-sdk/ims/emulator: a Keycloak token endpoint, the API gateway's bearer check and the Cray
 * Image Management Service behind it, on 127.0.0.1, validating image and recipe links against the
 * real S3 server it is given.
 */
import {
  FaultController,
  type OAuth2TokenIssuer,
  oauth2TokenIssuer,
  Router,
  startEmulatorServer,
} from '@nimbus-sdk/core/testing';
import { gatewayCheck, keycloakTokenAnswer, TOKEN_PATH } from './auth.js';
import { problem } from './errors.js';
import { IMS_PREFIX, type RouteContext } from './route-context.js';
import { registerDeleted } from './routes/deleted.js';
import { registerImages } from './routes/images.js';
import { registerJobs } from './routes/jobs.js';
import { registerPublicKeys } from './routes/public-keys.js';
import { registerRecipes } from './routes/recipes.js';
import { registerRemoteBuildNodes } from './routes/remote-build-nodes.js';
import { registerService } from './routes/service.js';
import { type EmulatorS3Options, S3Objects } from './s3-objects.js';
import { type ImsSeedInfo, type ImsSeedOptions, seedInfo } from './seed.js';
import { ImsState } from './state.js';

export type { EmulatorS3Options } from './s3-objects.js';
export type { ImsSeedInfo, ImsSeedOptions } from './seed.js';
export { ImsState } from './state.js';

/** Options of {@link startImsEmulator}. */
export interface ImsEmulatorOptions {
  /** Port on 127.0.0.1; default a free one. */
  port?: number;
  seed?: ImsSeedOptions;
  /** HTTP fault injection shared with the server (latency, 5xx, 429, resets, clock skew). */
  faults?: FaultController;
  /**
   * The S3 server IMS validates links against, moves soft-deleted objects in and cascades deletes
   * to. Without it every link is refused as missing from S3.
   */
  s3?: EmulatorS3Options;
  /** `expires_in` of issued tokens. Default 300 s, Keycloak's default access token lifespan. */
  tokenTtlSeconds?: number;
  /** The server clock; default the system clock. */
  clock?: () => Date;
  /** What `/version` answers. Default `3.33.0`. */
  version?: string;
}

/** A running IMS emulator. */
export interface ImsEmulator {
  /** Origin of the gateway: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The IMS root behind the gateway, what `IMS_URL` holds: `<url>/apis/ims`. */
  readonly imsUrl: string;
  /** Keycloak's token endpoint, what `OAUTH_CLIENT_ENDPOINT` holds. */
  readonly tokenUrl: string;
  readonly port: number;
  readonly seed: ImsSeedInfo;
  readonly faults: FaultController;
  readonly state: ImsState;
  /** Tokens issued since the start or the last reset. */
  readonly tokensIssued: number;
  /** Expires every issued token now, as a token running out mid-operation would. */
  expireTokens(): void;
  /** Drops every record and token; the seeded client stays. */
  reset(): void;
  close(): Promise<void>;
}

/**
 * Starts an IMS emulator on 127.0.0.1.
 *
 * @example
 * const ims = await startImsEmulator({ s3: { endpoint, accessKeyId, secretAccessKey } });
 * const client = createImsClient({ url: ims.imsUrl, auth: { tokenUrl: ims.tokenUrl, ...ims.seed } });
 * afterAll(() => ims.close());
 */
export async function startImsEmulator(options: ImsEmulatorOptions = {}): Promise<ImsEmulator> {
  const clock = options.clock ?? (() => new Date());
  const seed = seedInfo(options.seed);
  const ttl = options.tokenTtlSeconds ?? 300;
  if (!(Number.isFinite(ttl) && ttl > 0)) throw new RangeError(`tokenTtlSeconds must be > 0, got ${ttl}`);
  const newIssuer = () =>
    oauth2TokenIssuer({
      clients: { [seed.clientId]: { secret: seed.clientSecret } },
      ttlSeconds: ttl,
      clock: () => clock().getTime(),
    });
  let issuer: OAuth2TokenIssuer = newIssuer();
  const state = new ImsState(clock);
  const context: RouteContext = {
    state,
    s3: options.s3 ? new S3Objects(options.s3) : undefined,
    authorize: gatewayCheck(() => issuer),
  };
  const router = new Router({
    notFound: () => {
      throw problem(
        404,
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
      );
    },
    methodNotAllowed: () => {
      throw problem(405, 'The method is not allowed for the requested URL.');
    },
  });
  router.post(TOKEN_PATH, (request) => keycloakTokenAnswer(issuer, request));
  registerService(router, context, options.version ?? '3.33.0');
  registerImages(router, context);
  registerRecipes(router, context);
  registerPublicKeys(router, context);
  registerJobs(router, context);
  registerDeleted(router, context);
  registerRemoteBuildNodes(router, context);

  const server = await startEmulatorServer({
    handler: router,
    port: options.port,
    faults: options.faults ?? new FaultController(),
    clock,
  });
  return {
    url: server.url,
    imsUrl: `${server.url}${IMS_PREFIX}`,
    tokenUrl: `${server.url}${TOKEN_PATH}`,
    port: server.port,
    seed,
    faults: server.faults,
    state,
    get tokensIssued() {
      return issuer.issuedCount;
    },
    expireTokens: () => issuer.revokeAll(),
    reset() {
      state.clear();
      issuer = newIssuer();
    },
    close: () => server.close(),
  };
}
