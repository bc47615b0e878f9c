import type { ClientTransportOptions } from '@nimbus-sdk/core';
import { z } from 'zod';
import type { ExordosIamOptions } from './auth/iam-options.js';

/** Where the data plane of an instance is reached. */
export interface DataPlaneOptions {
  /** Overrides `http://<ipsv4[0]>:9000` (a tunnel, a NAT, the emulator's RGW). */
  endpoint?: string;
  /** Default `us-east-1`. */
  region?: string;
}

/** Options of `createS3aasClient`. */
export interface S3aasClientOptions extends ClientTransportOptions {
  /**
   * The MetaPaaS user API root (`http://metapaas:8080`, or the Core load balancer's
   * `http://<core>/api/metapaas`); `/v1/types/s3/...` is appended.
   */
  url: string;
  /** Exordos IAM: where to get tokens and who logs in. */
  iam: ExordosIamOptions;
  /**
   * The project the token is scoped to (`project:<id>`); `null` asks for an unscoped token.
   * Default the MetaPaaS project `4d657461-0000-0000-0000-000000000002`, where s3aas roles are bound.
   */
  project?: string | null;
  dataPlane?: DataPlaneOptions;
}

const httpUrl = (what: string) =>
  z
    .string(`${what} is required`)
    .min(1, `${what} cannot be empty`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password;
      } catch {
        return false;
      }
    }, `${what} must be an http(s) URL without user:password@`);

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a project uuid');

/** What `createS3aasClient` checks before building anything (functions pass through). */
export const clientOptionsSchema = z.looseObject({
  url: httpUrl('url (the MetaPaaS API root, e.g. http://metapaas:8080)'),
  iam: z.looseObject(
    {
      url: httpUrl('iam.url (the Exordos Core IAM root, e.g. http://core/api/core)'),
      username: z.string().min(1, 'iam.username cannot be empty').optional(),
      password: z.string().min(1, 'iam.password cannot be empty').optional(),
      clientId: z.string().min(1, 'iam.clientId cannot be empty').optional(),
      clientSecret: z.string().min(1, 'iam.clientSecret cannot be empty').optional(),
      grantType: z
        .enum(['password', 'username+password', 'email+password', 'phone+password', 'login+password'])
        .optional(),
      ttlSeconds: z.number().int().positive('iam.ttlSeconds must be a positive number of seconds').optional(),
    },
    'iam is required ({ url, username, password } or a saved refreshToken)',
  ),
  project: uuid.nullable().optional(),
  dataPlane: z
    .looseObject({ endpoint: httpUrl('dataPlane.endpoint').optional(), region: z.string().min(1).optional() })
    .optional(),
  timeoutMs: z.number().positive('timeoutMs must be positive').optional(),
});
