import { createRequire } from 'node:module';
import { createTransport, type Transport } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { type ExordosIamAuth, exordosIamAuth } from './auth/exordos-iam-auth.js';
import { classifyIamError } from './auth/iam-errors.js';
import { clientOptionsSchema, type DataPlaneOptions, type S3aasClientOptions } from './client-options.js';
import type { CallOptions, S3aasContext } from './context.js';
import {
  type CreatedInstance,
  createInstanceWithBucket,
  type InstanceWithBucketCreate,
} from './create-instance.js';
import { dataPlaneEndpoint, type S3Credentials } from './data-plane/endpoint.js';
import { InstanceObjects } from './data-plane/objects.js';
import { parseS3aasError, redactingTransport } from './error-body.js';
import { AccessKeys } from './resources/access-keys.js';
import { Buckets } from './resources/buckets.js';
import { type Instance, Instances } from './resources/instances.js';
import { Policies } from './resources/policies.js';
import { PolicyAttachments } from './resources/policy-attachments.js';
import { Users } from './resources/users.js';
import { Versions } from './resources/versions.js';
import {
  type InstanceTarget,
  type S3aasWaitOptions,
  waitForAccessKey,
  waitForBucket,
  waitForInstance,
} from './waiters.js';
import { type IamIdentity, whoami } from './whoami.js';

const packageVersion = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** An s3aas client: the control-plane resources, the IAM session and the data-plane helpers. */
export interface S3aasClient {
  /** The control-plane transport (MetaPaaS user API). */
  readonly transport: Transport;
  /** The Exordos IAM session: login, tokens. */
  readonly iam: ExordosIamAuth;
  readonly versions: Versions;
  readonly instances: Instances;
  readonly buckets: Buckets;
  readonly policies: Policies;
  readonly users: Users;
  /** Policies attached to users (`users/<u>/policies/`). */
  readonly policyAttachments: PolicyAttachments;
  /** Access keys of users (`users/<u>/keys/`). */
  readonly accessKeys: AccessKeys;
  /** Who the token belongs to (the IAM introspect action). */
  whoami(options?: CallOptions): Promise<IamIdentity>;
  /** Creates an instance and, with `bucketName`, waits for ACTIVE and creates that bucket. */
  createInstance(
    input: InstanceWithBucketCreate,
    options?: CallOptions & { wait?: S3aasWaitOptions<string> },
  ): Promise<CreatedInstance>;
  /** Polls until the instance is ACTIVE (ERROR fails) or, with `DELETED`, gone. */
  waitForInstance(
    id: string,
    target?: InstanceTarget,
    options?: S3aasWaitOptions<string>,
  ): Promise<Instance | undefined>;
  /** The instance's S3 endpoint: the configured override, else `http://<ipsv4[0]>:9000`. */
  dataPlaneEndpoint(instance: Instance | string, options?: CallOptions): Promise<string>;
  /** Probes the data plane with a new key until it authenticates. */
  waitForAccessKey(
    instance: Instance | string,
    credentials: S3Credentials,
    options?: S3aasWaitOptions<string>,
  ): Promise<void>;
  /** HeadBucket with a working key until the bucket is on the data plane. */
  waitForBucket(
    instance: Instance | string,
    bucket: string,
    credentials: S3Credentials,
    options?: S3aasWaitOptions<string>,
  ): Promise<void>;
  /**
   * Object operations on the instance's data plane with one access key (put from a file, get,
   * list, delete), through core's S3 engine.
   */
  objects(
    instance: Instance | string,
    credentials: S3Credentials,
    options?: CallOptions,
  ): Promise<InstanceObjects>;
  /** The data-plane settings in force (region default `us-east-1`). */
  readonly dataPlane: Required<Pick<DataPlaneOptions, 'region'>> & DataPlaneOptions;
}

/**
 * Creates an s3aas client. Nothing is sent until the first call; the first call logs in.
 *
 * @example
 * const s3aas = createS3aasClient({
 *   url: 'http://metapaas:8080',
 *   iam: { url: 'http://core/api/core', username: 'alice', password: process.env.EXORDOS_PASSWORD },
 * });
 * for await (const instance of s3aas.instances.list({ where: { status: 'ACTIVE' } })) console.log(instance.name);
 */
export function createS3aasClient(options: S3aasClientOptions): S3aasClient {
  parseInput(clientOptionsSchema, options, 's3aas client options');
  const auth = exordosIamAuth({
    ...options.iam,
    project: options.project,
    fetch: options.fetch,
    clock: options.clock ? () => (options.clock as () => Date)().getTime() : undefined,
  });
  const userAgent = options.userAgent ?? `nimbus-s3aas/${packageVersion}`;
  const transport = redactingTransport(
    createTransport({
      baseUrl: options.url,
      auth,
      retry: options.retry,
      timeoutMs: options.timeoutMs,
      userAgent,
      fetch: options.fetch,
      logger: options.logger,
      clock: options.clock,
      parseErrorBody: parseS3aasError,
      classifyError: classifyIamError,
    }),
  );
  const iamTransport = createTransport({
    baseUrl: auth.clientUrl,
    auth,
    retry: options.retry,
    timeoutMs: options.timeoutMs,
    userAgent,
    fetch: options.fetch,
    logger: options.logger,
    clock: options.clock,
    classifyError: classifyIamError,
  });
  const context: S3aasContext = { transport };
  const instances = new Instances(context);
  const buckets = new Buckets(context);
  const dataPlane = { ...options.dataPlane, region: options.dataPlane?.region ?? 'us-east-1' };
  const endpointOf = async (instance: Instance | string, signal?: AbortSignal) => {
    // An override needs no instance read (and works before the instance has addresses).
    if (dataPlane.endpoint) return dataPlane.endpoint.replace(/\/+$/, '');
    const record = typeof instance === 'string' ? await instances.get(instance, { signal }) : instance;
    return dataPlaneEndpoint(record, dataPlane);
  };
  const probeOptions = { region: dataPlane.region, fetch: options.fetch };
  return {
    transport,
    iam: auth,
    versions: new Versions(context),
    instances,
    buckets,
    policies: new Policies(context),
    users: new Users(context),
    policyAttachments: new PolicyAttachments(context),
    accessKeys: new AccessKeys(context),
    dataPlane,
    whoami: (callOptions) => whoami(iamTransport, callOptions),
    createInstance: (input, callOptions) =>
      createInstanceWithBucket({ instances, buckets }, input, callOptions),
    waitForInstance: (id, target, waitOptions) => waitForInstance(instances, id, target, waitOptions),
    dataPlaneEndpoint: (instance, callOptions) => endpointOf(instance, callOptions?.signal),
    async objects(instance, credentials, callOptions) {
      const endpoint = await endpointOf(instance, callOptions?.signal);
      return new InstanceObjects({ endpoint, region: dataPlane.region, credentials });
    },
    async waitForAccessKey(instance, credentials, waitOptions = {}) {
      const endpoint = await endpointOf(instance, waitOptions.signal);
      return waitForAccessKey(endpoint, credentials, { ...probeOptions, ...waitOptions });
    },
    async waitForBucket(instance, bucket, credentials, waitOptions = {}) {
      const endpoint = await endpointOf(instance, waitOptions.signal);
      return waitForBucket(endpoint, bucket, credentials, { ...probeOptions, ...waitOptions });
    },
  };
}
