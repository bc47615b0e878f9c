import { randomBytes } from 'node:crypto';
import { createTransport, hmacV4, type Transport } from '@nimbus-sdk/core';

/** A Ceph RGW and a user holding `users=*;buckets=*;user-policy=*` caps (the lab's `tester`). */
export interface RgwAdminAccess {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  region?: string;
}

/** S3 keys of an RGW user. */
export interface RgwKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * The RGW operations the emulator's data plane needs, over HTTP: Admin Ops (`/admin/user`,
 * `/admin/bucket`), the IAM user-policy subset, and S3 bucket calls signed as the bucket owner.
 * Every call is SigV4-signed by core's hmacV4; nothing runs through a shell.
 */
export class RgwAdmin {
  readonly #admin: Transport;
  readonly #iam: Transport;
  constructor(private readonly access: RgwAdminAccess) {
    this.#admin = this.transport(access, 's3');
    this.#iam = this.transport(access, 'iam');
  }

  /** Creates a user with one key; `maxBuckets: -1` forbids it to create buckets. */
  async createUser(uid: string, keys: RgwKeys, maxBuckets?: number): Promise<void> {
    await this.#admin.send({
      method: 'PUT',
      path: '/admin/user',
      query: {
        uid,
        'display-name': uid,
        'access-key': keys.accessKeyId,
        'secret-key': keys.secretAccessKey,
        'max-buckets': maxBuckets,
        format: 'json',
      },
      responseType: 'text',
    });
  }

  /** Deletes a user and its data; a user that is already gone is fine. */
  async deleteUser(uid: string): Promise<void> {
    await this.#admin.send({
      method: 'DELETE',
      path: '/admin/user',
      query: { uid, 'purge-data': 'true' },
      responseType: 'text',
      acceptStatus: [404],
    });
  }

  /** Deletes a bucket and every object in it; a missing bucket is fine. */
  async deleteBucket(bucket: string): Promise<void> {
    await this.#admin.send({
      method: 'DELETE',
      path: '/admin/bucket',
      query: { bucket, 'purge-objects': 'true' },
      responseType: 'text',
      acceptStatus: [404],
    });
  }

  async putUserPolicy(uid: string, name: string, document: unknown): Promise<void> {
    await this.iamAction({
      Action: 'PutUserPolicy',
      UserName: uid,
      PolicyName: name,
      PolicyDocument: JSON.stringify(document),
    });
  }

  async deleteUserPolicy(uid: string, name: string): Promise<void> {
    await this.iamAction({ Action: 'DeleteUserPolicy', UserName: uid, PolicyName: name }, [404]);
  }

  /** Creates a bucket owned by `owner`, with versioning when asked. */
  async createBucket(owner: RgwKeys, bucket: string, versioning: boolean): Promise<void> {
    const s3 = this.transport({ ...this.access, ...owner }, 's3');
    await s3.send({ method: 'PUT', path: `/${encodeURIComponent(bucket)}`, responseType: 'text' });
    if (versioning) {
      await s3.send({
        method: 'PUT',
        path: `/${encodeURIComponent(bucket)}`,
        query: { versioning: '' },
        body: {
          bytes:
            '<VersioningConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Status>Enabled</Status></VersioningConfiguration>',
          contentType: 'application/xml',
        },
        responseType: 'text',
      });
    }
  }

  /** Public = anonymous GetObject on the objects and ListBucket on the bucket; private removes that. */
  async setBucketPublic(owner: RgwKeys, bucket: string, isPublic: boolean): Promise<void> {
    const s3 = this.transport({ ...this.access, ...owner }, 's3');
    const path = `/${encodeURIComponent(bucket)}`;
    if (!isPublic) {
      await s3.send({
        method: 'DELETE',
        path,
        query: { policy: '' },
        responseType: 'text',
        acceptStatus: [404],
      });
      return;
    }
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: '*', Action: ['s3:GetObject'], Resource: [`arn:aws:s3:::${bucket}/*`] },
        { Effect: 'Allow', Principal: '*', Action: ['s3:ListBucket'], Resource: [`arn:aws:s3:::${bucket}`] },
      ],
    };
    await s3.send({
      method: 'PUT',
      path,
      query: { policy: '' },
      body: { bytes: JSON.stringify(policy), contentType: 'application/json' },
      responseType: 'text',
    });
  }

  private async iamAction(form: Record<string, string>, acceptStatus: number[] = []): Promise<void> {
    await this.#iam.send({
      method: 'POST',
      path: '/',
      body: {
        bytes: new URLSearchParams({ ...form, Version: '2010-05-08' }).toString(),
        contentType: 'application/x-www-form-urlencoded',
      },
      idempotent: true,
      responseType: 'text',
      acceptStatus,
    });
  }

  private transport(access: RgwAdminAccess & RgwKeys, service: 's3' | 'iam'): Transport {
    return createTransport({
      baseUrl: access.endpoint,
      auth: hmacV4({
        accessKeyId: access.accessKeyId,
        secretAccessKey: access.secretAccessKey,
        region: access.region ?? 'us-east-1',
        service,
        pathMode: 's3',
        contentSha256Header: true,
      }),
      retry: { limit: 2 },
    });
  }
}

/** Random RGW keys: 20 upper-case letters/digits and a 40-character secret. */
export function randomKeys(): RgwKeys {
  return {
    accessKeyId: alphanumeric(20).toUpperCase(),
    secretAccessKey: alphanumeric(40),
  };
}

/** `length` random ASCII letters and digits. */
export function alphanumeric(length: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}
