import { Agent as HttpsAgent } from 'node:https';
import { rootCertificates } from 'node:tls';
import { S3Client } from '@aws-sdk/client-s3';
import { ConfigError } from '../errors/client-errors.js';
import { endpointFromEnv } from './endpoint-from-env.js';

/** Static keys or short-lived session credentials (naas hands out the latter). */
export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
  /** When short-lived credentials stop working; a provider is asked again shortly before. */
  readonly expiration?: Date;
}

/** Called whenever the SDK needs credentials: how expiring session credentials get refreshed. */
export type S3CredentialsProvider = () => Promise<S3Credentials>;

/** Options of {@link createS3Client}. */
export interface S3ClientOptions {
  /** S3 endpoint URL; default `AWS_ENDPOINT_URL_S3`, then `AWS_ENDPOINT_URL`, then AWS itself. */
  endpoint?: string;
  /** Signing region; default `us-east-1`, which every S3 clone accepts. */
  region?: string;
  /**
   * Static keys, or a provider for short-lived ones (naas session credentials), which the SDK calls
   * again once `expiration` nears. Default: the SDK's own chain (environment, profile, instance role).
   */
  credentials?: S3Credentials | S3CredentialsProvider;
  /** Path-style URLs (`<endpoint>/<bucket>/<key>`); default true whenever an endpoint is set. */
  forcePathStyle?: boolean;
  /** PEM text of extra CA certificates trusted for TLS (added to Node's bundled roots). */
  caBundle?: string;
  /**
   * `when-required` (default) sends and checks CRC checksums only where S3 demands them: Ceph RGW
   * and other clones mishandle the SDK's default CRC32 trailers. `when-supported` is the SDK default.
   */
  checksums?: 'when-required' | 'when-supported';
  /**
   * Socket inactivity limit per request; a stalled connection fails after this and is retried.
   * Default 60 s.
   */
  requestTimeoutMs?: number;
  /**
   * The SDK's own attempts per call; default 1 because the transfer functions here retry with
   * core's backoff under a deadline, and two nested retry loops multiply each other.
   */
  maxAttempts?: number;
  /** Environment to read `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * An `S3Client` with the defaults S3-compatible servers need.
 *
 * @example
 * const s3 = createS3Client({ endpoint: 'https://rgw.example:8443', caBundle: await readFile('ca.pem', 'utf8'),
 *   credentials: { accessKeyId, secretAccessKey } });
 */
export function createS3Client(options: S3ClientOptions = {}): S3Client {
  const endpoint = options.endpoint ?? endpointFromEnv(options.env ?? process.env);
  if (endpoint !== undefined) checkEndpoint(endpoint);
  const checksums = options.checksums ?? 'when-required';
  if (checksums !== 'when-required' && checksums !== 'when-supported') {
    throw new ConfigError(`checksums must be 'when-required' or 'when-supported', got ${String(checksums)}`);
  }
  const requestTimeout = options.requestTimeoutMs ?? 60_000;
  const maxAttempts = options.maxAttempts ?? 1;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new ConfigError(`maxAttempts must be a whole number >= 1, got ${String(maxAttempts)}`);
  }
  if (!Number.isFinite(requestTimeout) || requestTimeout <= 0) {
    throw new ConfigError(`requestTimeoutMs must be a number > 0, got ${String(requestTimeout)}`);
  }
  const mode = checksums === 'when-required' ? 'WHEN_REQUIRED' : 'WHEN_SUPPORTED';
  return new S3Client({
    ...(endpoint === undefined ? {} : { endpoint }),
    region: options.region || 'us-east-1',
    forcePathStyle: options.forcePathStyle ?? endpoint !== undefined,
    ...(options.credentials ? { credentials: options.credentials } : {}),
    requestChecksumCalculation: mode,
    responseChecksumValidation: mode,
    maxAttempts,
    requestHandler: {
      requestTimeout,
      // Without this the handler only logs a warning and a stalled request hangs forever.
      throwOnRequestTimeout: true,
      connectionTimeout: Math.min(requestTimeout, 10_000),
      // keepAlive matters: every part would otherwise pay a new TCP (and TLS) handshake.
      httpsAgent: new HttpsAgent({
        keepAlive: true,
        maxSockets: 50,
        ...(options.caBundle ? { ca: withNodeRoots(options.caBundle) } : {}),
      }),
    },
  });
}

function checkEndpoint(endpoint: string): void {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ConfigError(`S3 endpoint must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`S3 endpoint must use http or https, got ${JSON.stringify(endpoint)}`);
  }
}

/** Passing `ca` replaces Node's roots; a private CA should add to them, not hide public ones. */
function withNodeRoots(pem: string): string[] {
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ConfigError('caBundle must be PEM text containing at least one CERTIFICATE block');
  }
  return [...rootCertificates, pem];
}
