import type { AuthStrategy, ClientTransportOptions } from '@nimbus-sdk/core';
import { ValidationError } from '@nimbus-sdk/core';
import { parseInput } from '@nimbus-sdk/core/provider';
import { z } from 'zod';

/** The Accept-Version node-triton sends: CloudAPI 9 or 8. */
export const DEFAULT_ACCEPT_VERSION = '~9||~8';

/** Options of {@link createSmartdcClient}. */
export interface SmartdcClientOptions extends ClientTransportOptions {
  /** CloudAPI base URL, e.g. `https://us-east-1.api.joyent.com`. */
  url: string;
  /** The account login (also for sub-users: the account that owns them). */
  account: string;
  /**
   * The key's fingerprint in any form (`aa:bb:…` MD5, `MD5:aa:…`, `SHA256:…`), or a full keyId
   * `/<account>/keys/<md5>`. On the wire it is always `/<account>[/users/<user>]/keys/<md5>`.
   */
  keyId: string;
  /** RBAC sub-user login; signs as `/<account>/users/<user>/keys/<md5>`. */
  user?: string;
  /** Private key: a file path, or the PEM text itself. Default: found in `~/.ssh` or the ssh-agent by fingerprint. */
  key?: string;
  /** Passphrase of an encrypted private key file. */
  passphrase?: string;
  /** Sign through the ssh-agent (`true` = `$SSH_AUTH_SOCK`). */
  agent?: boolean | { socketPath?: string };
  /** Where `~/.ssh` is looked for. Default the user's home. */
  home?: string;
  /** CloudAPI version range. Default `~9||~8`. */
  acceptVersion?: string;
  /** `modern` (node-triton, default) or the `legacy` 0.9 Authorization format. */
  signatureFormat?: 'modern' | 'legacy';
  /** Replaces key discovery entirely (tests, custom signers). */
  auth?: AuthStrategy;
}

const schema = z.object({
  url: z
    .string({ error: 'url is required (TRITON_URL / SDC_URL)' })
    .refine(
      (value) => /^https?:\/\/[^/]/.test(value),
      'url must be an http(s) URL such as https://us-east-1.api.joyent.com',
    ),
  account: z
    .string({ error: 'account is required (TRITON_ACCOUNT / SDC_ACCOUNT)' })
    .regex(/^[^/\s]+$/, 'account must be a login without "/" or spaces'),
  keyId: z
    .string({ error: 'keyId is required (TRITON_KEY_ID / SDC_KEY_ID)' })
    .min(1, 'keyId must not be empty'),
  user: z
    .string()
    .regex(/^[^/\s]+$/, 'user must be a login without "/" or spaces')
    .optional(),
  key: z.string().min(1, 'key must be a file path or PEM text').optional(),
  passphrase: z.string().optional(),
  agent: z.union([z.boolean(), z.object({ socketPath: z.string().min(1).optional() })]).optional(),
  home: z.string().min(1).optional(),
  acceptVersion: z.string().min(1).optional(),
  signatureFormat: z.enum(['modern', 'legacy']).optional(),
  timeoutMs: z.number().positive().optional(),
  totalTimeoutMs: z.number().positive().optional(),
  userAgent: z.string().optional(),
});

/** Rejects unusable options before anything is read or sent, naming every problem (one ValidationError). */
export function checkClientOptions(options: SmartdcClientOptions): void {
  parseInput(schema, options, 'smartdc client options');
  if (options.key !== undefined && options.agent) {
    throw new ValidationError('Invalid smartdc client options: pass either key or agent, not both', [
      { path: 'key', message: 'pass either key or agent, not both' },
    ]);
  }
}
