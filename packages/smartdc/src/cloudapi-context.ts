import { joinPath, type NamedSegment, type Transport } from '@nimbus-sdk/core';

/** What every resource module needs: the signed transport and the account whose paths it calls. */
export interface CloudApiContext {
  readonly transport: Transport;
  /** The login in paths (`/<account>/machines`); the account, also for sub-users. */
  readonly account: string;
}

/** Per-call options every SDK method accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * `/<account>/<segment>/...`: literal segments as written, caller values as `{ name: value }`, which
 * core's `joinPath` encodes and refuses when they would address another resource (`..`, `a/b`).
 */
export function accountPath(context: CloudApiContext, ...segments: Array<string | NamedSegment>): string {
  return joinPath({ account: context.account }, ...segments);
}
