import { createRequire } from 'node:module';
import { type ClientTransportOptions, ConfigError, createTransport, type Transport } from '@nimbus-sdk/core';
import { authForCredentials, type DciCredentials } from './auth/credentials.js';
import { reclassifyAuthFailures } from './auth-failures.js';
import { clientOptionsSchema } from './client-options-schema.js';
import { correctClockSkew, serverDateReader, skewableClock } from './clock-skew.js';
import { parseInput } from './input-validation.js';
import { type JobOutcome, type JobRun, runJob, startJob } from './job-lifecycle.js';
import { Components } from './resources/components.js';
import { Files } from './resources/files.js';
import { getIdentity, type Identity } from './resources/identity.js';
import type { JobCreate } from './resources/jobs.js';
import { Jobs } from './resources/jobs.js';
import { Jobstates } from './resources/jobstates.js';
import { Pipelines } from './resources/pipelines.js';
import { Products } from './resources/products.js';
import type { CallOptions, DciContext } from './resources/record.js';
import { Feeders, Remotecis } from './resources/remotecis.js';
import { Teams } from './resources/teams.js';
import { Topics } from './resources/topics.js';
import { Users } from './resources/users.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './upload-source.js';

const packageVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** Options of {@link createDciClient}. */
export interface DciClientOptions extends ClientTransportOptions {
  /** Server root as in `DCI_CS_URL` (`https://api.distributed-ci.io`); `/api/v1` is appended. */
  url: string;
  auth: DciCredentials;
  /** Per-attempt timeout. Default 600 s, as python-dciclient. */
  timeoutMs?: number;
  /** Uploads over this size are refused before sending. Default 20 MiB, the server's default limit. */
  maxUploadBytes?: number;
  /**
   * On `signature is expired`, align the signing clock with the server's `Date` and retry once.
   * Default true.
   */
  correctClockSkew?: boolean;
}

/** A DCI API client. Every resource is a property; lists are lazy async iterables. */
export interface DciClient {
  readonly transport: Transport;
  readonly products: Products;
  readonly topics: Topics;
  readonly components: Components;
  readonly jobs: Jobs;
  readonly jobstates: Jobstates;
  readonly files: Files;
  readonly remotecis: Remotecis;
  readonly feeders: Feeders;
  readonly teams: Teams;
  readonly users: Users;
  readonly pipelines: Pipelines;
  /** Who the credentials belong to. */
  identity(options?: CallOptions): Promise<Identity>;
  /** Creates a job (remoteci only) and returns a {@link JobRun} at status `new`. */
  startJob(input: JobCreate): Promise<JobRun>;
  /** Creates a job, runs `work` between `running` and the final status, posting `error` if it throws. */
  runJob(input: JobCreate, work: (run: JobRun) => Promise<JobOutcome | undefined>): Promise<JobRun>;
}

function apiBase(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError(
      `DCI url "${url}" is not a valid URL (expected e.g. https://api.distributed-ci.io)`,
    );
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`DCI url "${url}" must be http or https`);
  }
  return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/api/v1`;
}

/** DCI's error body is `{status_code, message, payload}`. */
function parseDciError(body: unknown): { message?: string } {
  if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
    return { message: (body as { message: string }).message };
  }
  return {};
}

/**
 * Creates a DCI client.
 *
 * @example
 * const dci = createDciClient(dciClientOptionsFromEnv(process.env));
 * for await (const topic of dci.topics.list({ where: { state: 'active' } })) console.log(topic.name);
 */
export function createDciClient(options: DciClientOptions): DciClient {
  parseInput(clientOptionsSchema, options, 'DCI client options');
  const base = apiBase(options.url);
  const clock = skewableClock(options.clock ?? (() => new Date()));
  const raw = createTransport({
    baseUrl: base,
    auth: authForCredentials(options.auth, options.fetch),
    retry: options.retry,
    timeoutMs: options.timeoutMs ?? 600_000,
    userAgent: options.userAgent ?? `nimbus-dci/${packageVersion}`,
    headers: { 'Client-Version': `nimbus-dci_${packageVersion}` },
    fetch: options.fetch,
    logger: options.logger,
    clock: clock.now,
    parseErrorBody: parseDciError,
  });
  const transport = reclassifyAuthFailures(
    options.correctClockSkew === false
      ? raw
      : correctClockSkew(raw, clock, serverDateReader(base, options.fetch)),
  );
  const context: DciContext = {
    transport,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
  };
  const jobs = new Jobs(context);
  const jobstates = new Jobstates(context);
  const files = new Files(context);
  const services = { jobs, jobstates, files };
  return {
    transport,
    products: new Products(context),
    topics: new Topics(context),
    components: new Components(context),
    jobs,
    jobstates,
    files,
    remotecis: new Remotecis(context),
    feeders: new Feeders(context),
    teams: new Teams(context),
    users: new Users(context),
    pipelines: new Pipelines(context),
    identity: (callOptions) => getIdentity(context, callOptions),
    startJob: (input) => startJob(services, input),
    runJob: (input, work) => runJob(services, input, work),
  };
}
