import type { CallOptions, Transport } from '@nimbus-sdk/core';

export type { CallOptions };

/** What every resource module needs: the signed transport and the account whose paths it calls. */
export interface SmartdcContext {
  readonly transport: Transport;
  /** The login in paths (`/<account>/machines`); the account, also for sub-users. */
  readonly account: string;
}

/** `/<account>/<segment>/...` with every segment percent-encoded (keys, tag names, fingerprints). */
export function accountPath(context: SmartdcContext, ...segments: string[]): string {
  return ['', context.account, ...segments].map(encodeURIComponent).join('/');
}
