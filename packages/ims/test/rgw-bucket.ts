import { randomBytes } from 'node:crypto';
import { createTransport, hmacV4, type Transport } from '@nimbus-sdk/core';
import type { LocalS3 } from '@nimbus-sdk/core/testing';

/** A throwaway bucket on the local RGW, read and written over plain signed S3 requests. */
export interface TestBucket {
  readonly name: string;
  put(key: string, body: string | Uint8Array, metadata?: Record<string, string>): Promise<string>;
  /** The object's bytes, or undefined when it does not exist. */
  get(key: string): Promise<Buffer | undefined>;
  keys(prefix?: string): Promise<string[]>;
  /** Deletes every object, then the bucket. */
  destroy(): Promise<void>;
}

function objectPath(bucket: string, key: string): string {
  return `/${bucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/** Creates a uniquely named bucket on `lab`. */
export async function createTestBucket(lab: LocalS3, prefix = 'ims-test'): Promise<TestBucket> {
  const transport: Transport = createTransport({
    baseUrl: lab.endpoint,
    auth: hmacV4({ ...lab, service: 's3', pathMode: 's3', contentSha256Header: true }),
    retry: false,
  });
  const name = `${prefix}-${randomBytes(4).toString('hex')}`;
  await transport.send({ method: 'PUT', path: `/${name}`, responseType: 'none' });
  const keys = async (keyPrefix = '') => {
    const { data } = await transport.send<string>({
      method: 'GET',
      path: `/${name}`,
      query: { prefix: keyPrefix, 'max-keys': 1000 },
      responseType: 'text',
    });
    return [...data.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1] as string).sort();
  };
  return {
    name,
    async put(key, body, metadata = {}) {
      const headers = Object.fromEntries(Object.entries(metadata).map(([k, v]) => [`x-amz-meta-${k}`, v]));
      const response = await transport.send({
        method: 'PUT',
        path: objectPath(name, key),
        body: { bytes: body },
        headers,
        responseType: 'none',
      });
      return (response.etag ?? '').replace(/"/g, '');
    },
    async get(key) {
      const response = await transport.send<Uint8Array>({
        method: 'GET',
        path: objectPath(name, key),
        responseType: 'bytes',
        acceptStatus: [404],
      });
      return response.status === 404 ? undefined : Buffer.from(response.data);
    },
    keys,
    async destroy() {
      for (const key of await keys()) {
        await transport.send({ method: 'DELETE', path: objectPath(name, key), responseType: 'none' });
      }
      await transport.send({ method: 'DELETE', path: `/${name}`, responseType: 'none' });
    },
  };
}
