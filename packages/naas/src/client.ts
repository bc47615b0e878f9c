import { createRequire } from 'node:module';
import { bearer, createTransport, type Transport } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { classifyNaasError, withLoginHint } from './auth/login-hint.js';
import { memoizedTokenProvider } from './auth/token-source.js';
import { DEFAULT_NAAS_AUTH_URL } from './auth/token-trade.js';
import { clientOptionsSchema, DEFAULT_NAAS_API_URL, type NaasClientOptions } from './client-options.js';
import type { NaasContext } from './context.js';
import { defaultCredentialsPath } from './credentials-file.js';
import { parseNaasErrorBody } from './error-body.js';
import { createGetWithBody, type GetWithBody } from './get-with-body.js';
import { Assets } from './resources/assets.js';
import { Registries } from './resources/registries.js';
import { Secrets } from './resources/secrets.js';
import { Spaces } from './resources/spaces.js';
import { Storage } from './resources/storage.js';
import {
  type GetObjectResult,
  getObject,
  type PutObjectResult,
  putObject,
  type TransferOptions,
} from './storage/object-transfer.js';
import { StorageSessions } from './storage/session-cache.js';

const packageVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** A Naas client: one property per domain, sharing one token resolved once. */
export interface NaasClient {
  readonly transport: Transport;
  readonly spaces: Spaces;
  readonly registries: Registries;
  readonly secrets: Secrets;
  readonly storage: Storage;
  readonly assets: Assets;
  /** S3 sessions per storage, renewed a minute before expiry and shared through the credentials file. */
  readonly storageSessions: StorageSessions;
  /**
   * Uploads a local file into a storage through the core S3 engine (`storage put-object`): a
   * destination ending in `/` or `.` takes the file's name; Content-Type guessed from the name.
   */
  putObject(input: ObjectTransferInput, options?: TransferOptions): Promise<PutObjectResult>;
  /** Downloads an object of a storage to a local file (`storage get-object`). */
  getObject(input: ObjectTransferInput, options?: TransferOptions): Promise<GetObjectResult>;
  /** The settings the client resolved (no secrets). */
  readonly settings: NaasResolvedSettings;
}

/** Which object moves where: `source` and `destination` as naas-python's `--source`/`--destination`. */
export interface ObjectTransferInput {
  workspaceId: string;
  storageName: string;
  source: string;
  destination: string;
}

/** Resolved non-secret settings, for workflows (S3 transfers, CI) that need them. */
export interface NaasResolvedSettings {
  url: string;
  authUrl: string;
  credentialsFile: string;
  s3Endpoint: string | undefined;
  s3ForcePathStyle: boolean;
  env: Readonly<Record<string, string | undefined>>;
  fetch: typeof fetch | undefined;
}

/**
 * Creates a Naas client. The token is resolved on first use, once for every domain, in the order
 * option > `NAAS_CREDENTIALS_JWT_TOKEN` > `JUPYTERHUB_API_TOKEN` (traded once) > `~/.naas/credentials`
 * > `profileToken`.
 *
 * @example
 * const naas = createNaasClient({ url: 'https://api.naas.ai' });
 * for await (const space of naas.spaces.list()) console.log(space.name);
 */
export function createNaasClient(options: NaasClientOptions = {}): NaasClient {
  parseInput(clientOptionsSchema, options, 'Naas client options');
  const env = options.env ?? process.env;
  const url = (options.url ?? env.NAAS_PYTHON_API_BASE_URL ?? DEFAULT_NAAS_API_URL).replace(/\/+$/, '');
  const credentialsFile = options.credentialsFile ?? defaultCredentialsPath();
  const authUrl = options.authUrl ?? DEFAULT_NAAS_AUTH_URL;
  const auth = bearer(
    memoizedTokenProvider({
      token: options.token,
      env,
      credentialsFile,
      profileToken: options.profileToken,
      authUrl,
      fetch: options.fetch,
    }),
  );
  const timeoutMs = options.timeoutMs ?? 60_000;
  const userAgent = options.userAgent ?? `nimbus-naas/${packageVersion}`;
  const transport = createTransport({
    baseUrl: url,
    auth,
    retry: options.retry,
    timeoutMs,
    userAgent,
    fetch: options.fetch,
    logger: options.logger,
    clock: options.clock,
    parseErrorBody: parseNaasErrorBody,
    classifyError: classifyNaasError,
  });
  const rawGetWithBody = createGetWithBody({
    baseUrl: url,
    auth,
    timeoutMs,
    retry: options.retry,
    userAgent,
    parseErrorBody: parseNaasErrorBody,
    clock: options.clock,
    logger: options.logger,
  });
  const getWithBody: GetWithBody = async <T>(request: Parameters<GetWithBody>[0]): Promise<T> => {
    try {
      return await rawGetWithBody<T>(request);
    } catch (error) {
      throw withLoginHint(error);
    }
  };
  const context: NaasContext = { transport, getWithBody };
  const s3Endpoint = options.s3?.endpoint ?? env.AWS_ENDPOINT_URL_S3 ?? env.AWS_ENDPOINT_URL;
  const storage = new Storage(context);
  const storageSessions = new StorageSessions(storage, credentialsFile, options.clock);
  const target = {
    endpoint: s3Endpoint,
    forcePathStyle: options.s3?.forcePathStyle ?? s3Endpoint !== undefined,
  };
  return {
    transport,
    spaces: new Spaces(context),
    registries: new Registries(context),
    secrets: new Secrets(context),
    storage,
    assets: new Assets(context),
    storageSessions,
    putObject: (input, callOptions) => putObject(storageSessions, target, input, callOptions),
    getObject: (input, callOptions) => getObject(storageSessions, target, input, callOptions),
    settings: {
      url,
      authUrl,
      credentialsFile,
      s3Endpoint,
      s3ForcePathStyle: target.forcePathStyle,
      env,
      fetch: options.fetch,
    },
  };
}
