import { createRequire } from 'node:module';
import { ConfigError, correctClockSkew, createTransport, type Transport } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { authForCredentials } from './auth/credentials.js';
import { serverDateReader } from './auth/server-date.js';
import { clientOptionsSchema, type DciClientOptions } from './client-options.js';
import type { CallOptions, DciContext } from './context.js';
import { classifyDciError, isExpiredSignature, parseDciError } from './error-body.js';
import { type JobOutcome, type JobRun, runJob, startJob } from './job-lifecycle.js';
import { Components } from './resources/components.js';
import { Files } from './resources/files.js';
import { getIdentity, type Identity } from './resources/identity.js';
import type { JobCreate } from './resources/jobs.js';
import { Jobs } from './resources/jobs.js';
import { Jobstates } from './resources/jobstates.js';
import { Pipelines } from './resources/pipelines.js';
import { Products } from './resources/products.js';
import { Feeders, Remotecis } from './resources/remotecis.js';
import { Teams } from './resources/teams.js';
import { Topics } from './resources/topics.js';
import { Users } from './resources/users.js';
import { DEFAULT_MAX_UPLOAD_BYTES } from './upload-source.js';

const packageVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

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
  const signer = authForCredentials(options.auth, options.fetch);
  const transport = createTransport({
    baseUrl: base,
    auth:
      options.correctClockSkew === false
        ? signer
        : correctClockSkew(signer, {
            isSkewed: ({ error }) => isExpiredSignature(error),
            serverTime: serverDateReader(base, options.fetch),
          }),
    retry: options.retry,
    timeoutMs: options.timeoutMs ?? 600_000,
    userAgent: options.userAgent ?? `nimbus-dci/${packageVersion}`,
    headers: { 'Client-Version': `nimbus-dci_${packageVersion}` },
    fetch: options.fetch,
    logger: options.logger,
    clock: options.clock,
    parseErrorBody: parseDciError,
    classifyError: classifyDciError,
  });
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
