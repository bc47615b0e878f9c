import {
  CreateBucketCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client } from '@nimbus-sdk/core/s3';
import type { NaasState, ObjectRecord } from './state.js';

/** Where a storage's objects live: in memory, or in the real S3 the emulator hands keys out for. */
export interface ObjectBackend {
  /** Every object whose key (inside the storage) starts with `prefix`. */
  list(workspaceId: string, storage: string, prefix: string): Promise<ObjectRecord[]>;
  /** Deletes one object; false when there was none. */
  delete(workspaceId: string, storage: string, key: string): Promise<boolean>;
  close(): void;
}

/** The real S3 the storage credentials point at (the sandbox's RGW). */
export interface EmulatorS3 {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Default `api-naas-storage`, naas-python's default bucket. */
  bucket?: string;
}

/** Objects kept in the emulator's memory (no S3 given). */
export function memoryBackend(state: NaasState): ObjectBackend {
  const objects = (ws: string, storage: string) => state.storages.get(`${ws}/${storage}`) ?? new Map();
  return {
    list: async (ws, storage, prefix) =>
      [...objects(ws, storage).values()].filter((record) => record.key.startsWith(prefix)),
    delete: async (ws, storage, key) => objects(ws, storage).delete(key),
    close() {},
  };
}

/**
 * Objects in a real S3 bucket under `<ws>/<storage>/`, as the real service keeps them, so what the
 * SDK uploads with the handed-out keys is what the listing shows. Creates the bucket if needed.
 */
export async function s3Backend(s3: EmulatorS3): Promise<ObjectBackend> {
  const bucket = s3.bucket ?? 'api-naas-storage';
  const client: S3Client = createS3Client({
    endpoint: s3.endpoint,
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    env: {},
  });
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name !== 'BucketAlreadyOwnedByYou' && name !== 'BucketAlreadyExists') throw error;
  }
  return {
    async list(ws, storage, prefix) {
      const base = `${ws}/${storage}/`;
      const records: ObjectRecord[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: `${base}${prefix}`, ContinuationToken: token }),
        );
        for (const entry of page.Contents ?? []) {
          if (!entry.Key) continue;
          records.push({
            key: entry.Key.slice(base.length),
            size: entry.Size ?? 0,
            lastModified: entry.LastModified ?? new Date(0),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return records;
    },
    async delete(ws, storage, key) {
      const Key = `${ws}/${storage}/${key}`;
      try {
        await client.send(new HeadObjectCommand({ Bucket: bucket, Key }));
      } catch {
        return false;
      }
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key }));
      return true;
    },
    close: () => client.destroy(),
  };
}
