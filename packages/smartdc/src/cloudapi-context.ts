import type { Transport } from '@nimbus-sdk/core';

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

/** `/<account>/<segment>/...` with every segment percent-encoded (keys, tag names, fingerprints). */
export function accountPath(context: CloudApiContext, ...segments: string[]): string {
  return ['', context.account, ...segments].map(encodeURIComponent).join('/');
}
