import { type WaitCheck, type WaitOptions, waitFor, watchOrPoll } from '@nimbus-sdk/core';
import type { DataPlaneOptions } from './client-options.js';
import { encodePathSegment } from './context.js';
import type { S3Credentials } from './data-plane/endpoint.js';
import { probeS3, type S3ProbeResult } from './data-plane/s3-probe.js';
import { instanceWatcher, readInstance } from './instance-watcher.js';
import type { Instance, Instances } from './resources/instances.js';

/** What an instance wait ends on: `ACTIVE`, or gone after a delete. */
export type InstanceTarget = 'ACTIVE' | 'DELETED';

/** Wait options (core's `waitFor` timing, signal and progress callback). */
export type S3aasWaitOptions<S = unknown> = Omit<WaitOptions<S>, 'label'>;

/**
 * Polls an instance until it is `ACTIVE` (`ERROR` fails the wait, and so does the instance
 * vanishing), or, for `DELETED`, until the server answers 404. Waits of one client share one
 * instance list a second (a lone wait reads its instance); a wait given its own timing
 * (`minDelayMs`, `maxDelayMs`, ...) polls alone with that backoff.
 *
 * @example
 * const ready = await waitForInstance(client.instances, id, 'ACTIVE', { timeoutMs: 600_000 });
 */
export async function waitForInstance(
  instances: Instances,
  id: string,
  target: InstanceTarget = 'ACTIVE',
  options: S3aasWaitOptions<string> = {},
): Promise<Instance | undefined> {
  encodePathSegment(id, 'instance id');
  const check = (instance: Instance | undefined): WaitCheck<string, Instance | undefined> => {
    if (instance === undefined) {
      if (target === 'DELETED') return { status: 'done', value: undefined };
      return { status: 'failed', state: 'DELETED', reason: `instance ${id} was deleted` };
    }
    if (target === 'ACTIVE' && instance.status === 'ACTIVE') return { status: 'done', value: instance };
    // The project's own tests treat these as terminal too.
    if (['ERROR', 'CREATE_FAILED', 'DELETE_FAILED'].includes(instance.status)) {
      return { status: 'failed', state: instance.status, reason: `instance ${id} is ${instance.status}` };
    }
    return { status: 'pending', state: instance.status };
  };
  return watchOrPoll(
    instanceWatcher(instances),
    id,
    check,
    { ...options, label: `instance ${id} to be ${target}` },
    {
      read: (signal) => readInstance(instances, id, signal),
      defaults: { minDelayMs: 1_000, maxDelayMs: 15_000 },
    },
  );
}

/** S3 error codes that mean "this key has not reached the data plane yet". */
const NOT_SYNCED = new Set([
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'AccessDenied',
  'AllAccessDisabled',
]);

/**
 * Probes the data plane with a new key (ListBuckets) until it authenticates, as the project's own
 * tests do: keys reach the nodes asynchronously and the control plane has no signal for it.
 */
export function waitForAccessKey(
  endpoint: string,
  credentials: S3Credentials,
  options: S3aasWaitOptions<string> & Pick<DataPlaneOptions, 'region'> & { fetch?: typeof fetch } = {},
): Promise<void> {
  return waitFor<string, void>(
    async (signal) => {
      const result = await probeS3(
        endpoint,
        credentials,
        { method: 'GET', path: '/' },
        { ...options, signal },
      );
      if (result.status === 200) return { status: 'done', value: undefined };
      if (result.errorCode && NOT_SYNCED.has(result.errorCode))
        return { status: 'pending', state: result.errorCode };
      if (result.status === 403) return { status: 'pending', state: 'Forbidden' };
      return {
        status: 'failed',
        state: describe(result),
        reason: `the data plane answered ${describe(result)}`,
      };
    },
    {
      minDelayMs: 500,
      maxDelayMs: 3_000,
      timeoutMs: 120_000,
      ...options,
      label: `access key ${credentials.accessKeyId} to work on ${endpoint}`,
    },
  );
}

/** HeadBucket with a working key until the bucket exists on the data plane and the key may see it. */
export function waitForBucket(
  endpoint: string,
  bucket: string,
  credentials: S3Credentials,
  options: S3aasWaitOptions<string> & Pick<DataPlaneOptions, 'region'> & { fetch?: typeof fetch } = {},
): Promise<void> {
  const path = `/${encodePathSegment(bucket, 'bucket name')}`;
  return waitFor<string, void>(
    async (signal) => {
      const result = await probeS3(endpoint, credentials, { method: 'HEAD', path }, { ...options, signal });
      if (result.status === 200) return { status: 'done', value: undefined };
      if (result.status === 404 || result.status === 403)
        return { status: 'pending', state: String(result.status) };
      return { status: 'failed', state: describe(result), reason: `HeadBucket answered ${describe(result)}` };
    },
    {
      minDelayMs: 500,
      maxDelayMs: 3_000,
      timeoutMs: 120_000,
      ...options,
      label: `bucket ${bucket} on ${endpoint}`,
    },
  );
}

function describe(result: S3ProbeResult): string {
  return result.errorCode ? `${result.status} ${result.errorCode}` : String(result.status);
}
