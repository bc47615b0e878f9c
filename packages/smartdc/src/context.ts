import { type CallOptions, joinPath, type NamedSegment, type Transport } from '@nimbus-sdk/core';

export type { CallOptions };

/** What every resource module needs: the signed transport and the account whose paths it calls. */
export interface SmartdcContext {
  readonly transport: Transport;
  /** The login in paths (`/<account>/machines`); the account, also for sub-users. */
  readonly account: string;
}

/**
 * `/<account>/<segment>/...`: literal segments as written, caller values as `{ name: value }`, which
 * core's `joinPath` encodes and refuses when they would address another resource (`..`, `a/b`).
 */
export function accountPath(context: SmartdcContext, ...segments: Array<string | NamedSegment>): string {
  return joinPath({ account: context.account }, ...segments);
}
