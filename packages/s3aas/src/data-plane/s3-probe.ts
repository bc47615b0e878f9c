import { createTransport, hmacV4 } from '@nimbus-sdk/core';
import type { S3Credentials } from './endpoint.js';

/** What one probe of the data plane saw. */
export interface S3ProbeResult {
  status: number;
  /** The S3 error code (`InvalidAccessKeyId`, `NoSuchBucket`, ...) of a refused call. */
  errorCode?: string;
}

/**
 * Sends one SigV4-signed request (no retries) to an S3 endpoint and reports its status and S3 error
 * code, for waiters that poll until a key or bucket has reached the data plane.
 */
export async function probeS3(
  endpoint: string,
  credentials: S3Credentials,
  request: { method: 'GET' | 'HEAD'; path: string },
  options: { region?: string; fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<S3ProbeResult> {
  const transport = createTransport({
    baseUrl: endpoint,
    auth: hmacV4({
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      region: options.region ?? 'us-east-1',
      service: 's3',
      pathMode: 's3',
      contentSha256Header: true,
    }),
    retry: false,
    fetch: options.fetch,
  });
  const response = await transport.send<string>({
    method: request.method,
    path: request.path,
    responseType: request.method === 'HEAD' ? 'none' : 'text',
    acceptStatus: [400, 401, 403, 404, 409],
    signal: options.signal,
  });
  const body = typeof response.data === 'string' ? response.data : '';
  const errorCode = /<Code>([^<]+)<\/Code>/.exec(body)?.[1];
  return errorCode ? { status: response.status, errorCode } : { status: response.status };
}
