import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { Account, AccountUpdate } from '../types.js';

/** GetAccount / UpdateAccount. */
export function accountResource(context: SmartdcContext) {
  return {
    /** The account the client signs as (GET /:login). */
    async get(options: CallOptions = {}): Promise<Account> {
      const response = await context.transport.send<Account>({
        method: 'GET',
        path: accountPath(context),
        ...options,
      });
      return response.data;
    },
    /** Updates contact fields; answers the whole account. */
    async update(changes: AccountUpdate, options: CallOptions = {}): Promise<Account> {
      const response = await context.transport.send<Account>({
        method: 'POST',
        path: accountPath(context),
        body: { json: changes },
        ...options,
      });
      return response.data;
    },
  };
}

export type AccountResource = ReturnType<typeof accountResource>;
