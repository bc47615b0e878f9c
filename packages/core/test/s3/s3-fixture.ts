import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AbortMultipartUploadCommand,
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createS3Client, type S3ClientOptions } from '../../src/s3/index.js';
import type { LocalS3 } from '../../src/testing/local-s3.js';

export const MIB = 1024 * 1024;
export const PART = 5 * MIB;

/** A bucket of its own on the local RGW plus a temp dir, both removed by `cleanup`. */
export interface S3Fixture {
  readonly client: S3Client;
  readonly bucket: string;
  readonly dir: string;
  clientVia(endpoint: string, extra?: Partial<S3ClientOptions>): S3Client;
  file(name: string, bytes: Buffer): Promise<string>;
  read(key: string): Promise<Buffer>;
  openUploads(key?: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function s3Fixture(lab: LocalS3): Promise<S3Fixture> {
  const credentials = { accessKeyId: lab.accessKeyId, secretAccessKey: lab.secretAccessKey };
  const clientVia = (endpoint: string, extra: Partial<S3ClientOptions> = {}) =>
    createS3Client({ endpoint, region: lab.region, credentials, ...extra });
  const client = clientVia(lab.endpoint);
  const bucket = `nimbus-s3-${randomBytes(5).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: bucket }));
  const dir = await mkdtemp(join(tmpdir(), 'nimbus-s3-test-'));
  return {
    client,
    bucket,
    dir,
    clientVia,
    async file(name, bytes) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      return path;
    },
    async read(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
      return Buffer.from(
        await (answer.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
      );
    },
    async openUploads(key) {
      const answer = await client.send(
        new ListMultipartUploadsCommand({ Bucket: bucket, ...(key ? { Prefix: key } : {}) }),
      );
      return (answer.Uploads ?? []).map((u) => u.UploadId ?? '');
    },
    async cleanup() {
      const uploads = await client.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      for (const u of uploads.Uploads ?? []) {
        await client.send(
          new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }),
        );
      }
      const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      for (const o of listed.Contents ?? [])
        await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: o.Key }));
      await client.send(new DeleteBucketCommand({ Bucket: bucket }));
      await rm(dir, { recursive: true, force: true });
      client.destroy();
    },
  };
}

/** The multipart ETag computed independently of the code under test, straight from the bytes. */
export function expectedEtag(bytes: Buffer, partSize: number): string {
  if (bytes.length < partSize) return md5(bytes);
  const digests: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += partSize) {
    digests.push(
      createHash('md5')
        .update(bytes.subarray(at, at + partSize))
        .digest(),
    );
  }
  return `${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${digests.length}`;
}

export function md5(bytes: Buffer): string {
  return createHash('md5').update(bytes).digest('hex');
}
