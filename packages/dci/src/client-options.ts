import type { ClientTransportOptions } from '@nimbus-sdk/core';
import { z } from 'zod';
import type { DciCredentials } from './auth/credentials.js';

/** Options of `createDciClient`. */
export interface DciClientOptions extends ClientTransportOptions {
  /** Server root as in `DCI_CS_URL` (`https://api.distributed-ci.io`); `/api/v1` is appended. */
  url: string;
  auth: DciCredentials;
  /** Per-attempt timeout. Default 600 s, as python-dciclient. */
  timeoutMs?: number;
  /** Uploads over this size are refused before sending. Default 20 MiB, the server's default limit. */
  maxUploadBytes?: number;
  /**
   * On `signature is expired`, align the signing clock with the server's `Date` and retry once.
   * Default true.
   */
  correctClockSkew?: boolean;
}

const text = (what: string) => z.string(`${what} is required`).min(1, `${what} cannot be empty`);

/** The shape `createDciClient` checks before building anything (functions and clocks pass through). */
export const clientOptionsSchema = z.looseObject({
  url: text('url (the DCI server root, e.g. https://api.distributed-ci.io)'),
  auth: z.discriminatedUnion(
    'type',
    [
      z.looseObject({
        type: z.literal('signature'),
        clientId: text('auth.clientId'),
        apiSecret: text('auth.apiSecret'),
      }),
      z.looseObject({ type: z.literal('basic'), login: text('auth.login'), password: text('auth.password') }),
      z.looseObject({
        type: z.literal('sso'),
        token: z.union([text('auth.token'), z.custom<() => unknown>((v) => typeof v === 'function')]),
      }),
      z.looseObject({
        type: z.literal('sso-password'),
        ssoUrl: text('auth.ssoUrl'),
        username: text('auth.username'),
        password: text('auth.password'),
      }),
    ],
    { error: 'auth.type must be signature, basic, sso or sso-password' },
  ),
  maxUploadBytes: z.number().int().positive('maxUploadBytes must be a positive number of bytes').optional(),
  timeoutMs: z.number().positive('timeoutMs must be positive').optional(),
});
