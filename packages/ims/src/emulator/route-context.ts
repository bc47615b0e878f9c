import type { EmulatorRequest, EmulatorResponse, Router } from '@nimbus-sdk/core/testing';
import type { LinkStore } from './link-validation.js';
import type { ImsState } from './state.js';

/** An IMS route family: unversioned and `/v2` are both served by the v2 handlers. */
export type ImsVersion = 'v2' | 'v3';

/** What every route shares. */
export interface RouteContext {
  state: ImsState;
  /** The S3 server links are validated against; undefined when none was given. */
  s3: LinkStore;
  /** The gateway's check, run before every IMS handler. */
  authorize(request: EmulatorRequest): Promise<void>;
}

/** Where IMS sits behind the gateway. */
export const IMS_PREFIX = '/apis/ims';

const FAMILIES: readonly { prefix: string; version: ImsVersion }[] = [
  { prefix: IMS_PREFIX, version: 'v2' },
  { prefix: `${IMS_PREFIX}/v2`, version: 'v2' },
  { prefix: `${IMS_PREFIX}/v3`, version: 'v3' },
];

type VersionedHandler = (
  request: EmulatorRequest,
  version: ImsVersion,
) => Promise<EmulatorResponse> | EmulatorResponse;

/**
 * Registers `handler` for `method path` under the route families it exists in (default all three),
 * behind the gateway's bearer check.
 */
export function route(
  router: Router,
  context: RouteContext,
  method: string,
  path: string,
  handler: VersionedHandler,
  versions: readonly ImsVersion[] = ['v2', 'v3'],
): void {
  for (const family of FAMILIES) {
    if (!versions.includes(family.version)) continue;
    router.on(method, `${family.prefix}${path}`, async (request) => {
      await context.authorize(request);
      return handler(request, family.version);
    });
  }
}

/** A JSON answer. */
export function json(status: number, body: unknown): EmulatorResponse {
  return { status, body };
}

/** The 204 of a delete. */
export const noContent: EmulatorResponse = { status: 204 };
