import type { ClientTransportOptions } from '@nimbus-sdk/core';
import { z } from 'zod';

/** The API naas-python talks to when `NAAS_PYTHON_API_BASE_URL` is unset. */
export const DEFAULT_NAAS_API_URL = 'https://api.naas.ai';

/** Where S3 transfers go when not to AWS (RGW, MinIO, the sandbox). */
export interface NaasS3Options {
  /** S3 endpoint override; default `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, then AWS. */
  endpoint?: string;
  /** Path-style addressing (default true with an endpoint override, as S3-compatible servers need). */
  forcePathStyle?: boolean;
}

/** Options of `createNaasClient`. */
export interface NaasClientOptions extends ClientTransportOptions {
  /** API base; default `NAAS_PYTHON_API_BASE_URL`, then https://api.naas.ai. */
  url?: string;
  /** A JWT (e.g. from `--token`): wins over every other source. */
  token?: string;
  /** The profile's token: used only when env and the credentials file have none. */
  profileToken?: string;
  /** Default `~/.naas/credentials`. */
  credentialsFile?: string;
  /** Auth host of the token trades; default https://auth.naas.ai. */
  authUrl?: string;
  /** Environment to read instead of `process.env` (never written). */
  env?: Readonly<Record<string, string | undefined>>;
  s3?: NaasS3Options;
  /** Per-attempt timeout; default 60 s. */
  timeoutMs?: number;
}

const optionalText = (what: string) =>
  z.string(`${what} must be a string`).min(1, `${what} cannot be empty`).optional();
const httpUrl = (what: string) =>
  z
    .string(`${what} must be a string`)
    .refine((value) => /^https?:\/\/[^\s]+$/.test(value), `${what} must be an http(s) URL`)
    .optional();

/** What `createNaasClient` checks before building anything. */
export const clientOptionsSchema = z.looseObject({
  url: httpUrl('url'),
  token: optionalText('token'),
  profileToken: optionalText('profileToken'),
  credentialsFile: optionalText('credentialsFile'),
  authUrl: httpUrl('authUrl'),
  s3: z.looseObject({ endpoint: httpUrl('s3.endpoint'), forcePathStyle: z.boolean().optional() }).optional(),
  timeoutMs: z.number().positive('timeoutMs must be positive').optional(),
});
