import { createTransport, hmacV4, isApiError, type Transport } from '@nimbus-sdk/core';

/** The S3 server the emulated IMS validates links against and moves objects in. */
export interface EmulatorS3Options {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Default `us-east-1`. */
  region?: string;
}

/** What IMS reads from a HEAD: the ETag (quotes kept), the size and the `md5sum` metadata. */
export interface ObjectHead {
  etag: string;
  size: number;
  md5sum: string | undefined;
}

/** `s3://bucket/key` → its parts, or undefined when the path is not of that form. */
export function parseS3Path(path: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(path);
  return match ? { bucket: match[1] as string, key: match[2] as string } : undefined;
}

function objectPath(bucket: string, key: string): string {
  return `/${encodeURIComponent(bucket)}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The few S3 calls IMS itself makes (HEAD, GET, PUT, DELETE, server-side COPY), signed with SigV4
 * against a real S3 server, path-style. Not a transfer client: IMS never uploads artifacts.
 */
export class S3Objects {
  private readonly transport: Transport;

  constructor(options: EmulatorS3Options) {
    this.transport = createTransport({
      baseUrl: options.endpoint.replace(/\/+$/, ''),
      auth: hmacV4({
        accessKeyId: options.accessKeyId,
        secretAccessKey: options.secretAccessKey,
        region: options.region ?? 'us-east-1',
        service: 's3',
        pathMode: 's3',
        contentSha256Header: true,
      }),
      retry: { limit: 2, baseDelayMs: 50, maxDelayMs: 200 },
      timeoutMs: 30_000,
    });
  }

  /** The object's head, or undefined when S3 says it is not there (or refuses the HEAD). */
  async head(bucket: string, key: string): Promise<ObjectHead | undefined> {
    try {
      const response = await this.transport.send({ method: 'HEAD', path: objectPath(bucket, key) });
      return {
        etag: response.headers.get('etag') ?? '',
        size: Number(response.headers.get('content-length') ?? 0),
        md5sum: response.headers.get('x-amz-meta-md5sum') ?? undefined,
      };
    } catch (error) {
      if (isApiError(error) && error.status !== undefined && error.status < 500) return undefined;
      throw error;
    }
  }

  /** The object's bytes. */
  async get(bucket: string, key: string): Promise<Buffer> {
    const { data } = await this.transport.send<Uint8Array>({
      method: 'GET',
      path: objectPath(bucket, key),
      responseType: 'bytes',
    });
    return Buffer.from(data);
  }

  /** Writes a small object (IMS's deleted manifests). */
  async put(bucket: string, key: string, body: Buffer, contentType: string): Promise<void> {
    await this.transport.send({
      method: 'PUT',
      path: objectPath(bucket, key),
      body: { bytes: body, contentType },
      responseType: 'none',
    });
  }

  /** Deletes an object; a missing object (204 from S3) or bucket (404) is not an error. */
  async delete(bucket: string, key: string): Promise<void> {
    await this.transport.send({
      method: 'DELETE',
      path: objectPath(bucket, key),
      responseType: 'none',
      acceptStatus: [404],
    });
  }

  /** Server-side copy, metadata and content type kept; answers the new ETag (quotes kept). */
  async copy(from: { bucket: string; key: string }, to: { bucket: string; key: string }): Promise<string> {
    const { data } = await this.transport.send<string>({
      method: 'PUT',
      path: objectPath(to.bucket, to.key),
      headers: { 'x-amz-copy-source': objectPath(from.bucket, from.key), 'x-amz-metadata-directive': 'COPY' },
      responseType: 'text',
    });
    return /<ETag>([^<]*)<\/ETag>/.exec(data)?.[1]?.replace(/&quot;/g, '"') ?? '';
  }

  /** Moves an object (copy, then delete the original) and answers the new ETag. */
  async move(from: { bucket: string; key: string }, to: { bucket: string; key: string }): Promise<string> {
    const etag = await this.copy(from, to);
    await this.delete(from.bucket, from.key);
    return etag;
  }
}
