import { accountPath, type CallOptions, type SmartdcContext } from '../context.js';
import type { Account, AccountUpdate } from '../types.js';

/** GetAccount / UpdateAccount. */
export class AccountResource {
  constructor(private readonly context: SmartdcContext) {}

  /** The account the client signs as (GET /:login). */
  async get(options: CallOptions = {}): Promise<Account> {
    const response = await this.context.transport.send<Account>({
      method: 'GET',
      path: accountPath(this.context),
      ...options,
    });
    return response.data;
  }
  /** Updates contact fields; answers the whole account. */
  async update(changes: AccountUpdate, options: CallOptions = {}): Promise<Account> {
    const response = await this.context.transport.send<Account>({
      method: 'POST',
      path: accountPath(this.context),
      body: { json: changes },
      ...options,
    });
    return response.data;
  }
}
