import type { ClientTransportOptions } from '@nimbus-sdk/core';
import { z } from 'zod';
import type { ImsAuth } from './auth.js';

/** The S3 store of boot artifacts and recipes (Ceph RGW in a Cray system). */
export interface ImsS3Options {
  /** `http://rgw-vip.nmn` or `https://s3.example:8080`; path-style addressing is used. */
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Signing region. Default `us-east-1`, what boto3 falls back to without one. */
  region?: string;
  /** Verify the S3 server's TLS certificate (default true); a string is a CA bundle (PEM). */
  sslVerify?: boolean | string;
}

/** Options of `createImsClient`. */
export interface ImsClientOptions extends ClientTransportOptions {
  /** IMS root: `https://api-gw-service-nmn.local/apis/ims`. A trailing slash is harmless. */
  url: string;
  auth: ImsAuth;
  /** PEM CA certificate(s) to trust for the token endpoint and IMS, instead of the system store. */
  caBundle?: string | Buffer;
  /** Where boot artifacts are uploaded; needed by `uploadArtifacts` and `uploadRecipe`. */
  s3?: ImsS3Options;
  /** Bucket of boot images. Default `boot-images`. */
  bucket?: string;
  /** Bucket of recipes. Default `ims`. */
  recipeBucket?: string;
  /** Per-attempt timeout of IMS calls. Default: core's per-attempt timeout, 30 s, as every provider (the helper had none). */
  timeoutMs?: number;
}

const text = (what: string) => z.string(`${what} is required`).min(1, `${what} cannot be empty`);
const httpUrl = (what: string) =>
  text(what).refine((value) => /^https?:\/\/[^/]/i.test(value), `${what} must be an http(s) URL`);
const pem = z.union([z.string(), z.instanceof(Buffer)]);

/** What `createImsClient` checks before building anything (functions pass through). */
export const clientOptionsSchema = z.looseObject({
  url: httpUrl('url (the IMS root, e.g. https://api-gw-service-nmn.local/apis/ims)'),
  auth: z.union(
    [
      z.looseObject({
        tokenUrl: httpUrl('auth.tokenUrl (the Keycloak token endpoint)'),
        clientId: text('auth.clientId'),
        clientSecret: text('auth.clientSecret'),
      }),
      z.looseObject({ token: text('auth.token') }),
    ],
    { error: 'auth must be { tokenUrl, clientId, clientSecret } or { token }' },
  ),
  caBundle: pem.optional(),
  s3: z
    .looseObject({
      endpoint: httpUrl('s3.endpoint'),
      accessKeyId: text('s3.accessKeyId'),
      secretAccessKey: text('s3.secretAccessKey'),
      region: text('s3.region').optional(),
      sslVerify: z.union([z.boolean(), z.string()]).optional(),
    })
    .optional(),
  bucket: text('bucket').optional(),
  recipeBucket: text('recipeBucket').optional(),
  timeoutMs: z.number().positive('timeoutMs must be a positive number of milliseconds').optional(),
});
