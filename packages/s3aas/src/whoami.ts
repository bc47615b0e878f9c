import type { Transport } from '@nimbus-sdk/core';
import type { CallOptions } from './context.js';

/** The IAM `introspect` answer: who the token belongs to and what it may do. */
export interface IamIdentity {
  user_info: {
    uuid: string;
    name: string;
    first_name?: string;
    last_name?: string;
    email?: string;
    type?: string;
  };
  project_id?: string | null;
  otp_verified?: boolean;
  permissions: string[];
}

/** `GET {iam}/v1/iam/clients/<client>/actions/introspect` with the current token. */
export async function whoami(iamTransport: Transport, options: CallOptions = {}): Promise<IamIdentity> {
  const { data } = await iamTransport.send<IamIdentity>({
    method: 'GET',
    path: '/actions/introspect',
    signal: options.signal,
  });
  return data;
}
