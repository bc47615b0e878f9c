import { HttpError } from '@nimbus-sdk/core';
import type { StoredS3Credentials } from '../credentials-file.js';

/** Short-lived S3 credentials of one storage, with where its objects live. */
export interface NaasS3Session {
  /** Bucket, the host of `endpoint_url` (`s3://<bucket>/<ws>/<storage>/`). */
  bucket: string;
  /** Key prefix of the storage, `<ws>/<storage>/`. */
  prefix: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string | undefined;
  expiresAt: Date;
  /** `endpoint_url` verbatim. */
  endpointUrl: string;
}

/**
 * Parses an expiry in the form the server sends (`2024-06-19 16:41:39+00:00`) and the ISO `T` form
 * (`2024-06-19T16:41:39Z`), which crashed naas-python. A bare time without zone is UTC.
 */
export function parseExpiration(text: string): Date {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})?$/.exec(
    text.trim(),
  );
  if (!match) throw new TypeError(`unrecognised expiration ${JSON.stringify(text)}`);
  const zone = match[3] ?? 'Z';
  const normal = zone === 'Z' ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = new Date(`${match[1]}T${match[2]}${normal}`);
  if (Number.isNaN(date.getTime())) throw new TypeError(`invalid expiration ${JSON.stringify(text)}`);
  return date;
}

/** Formats an expiry as naas-python writes and reads it: `YYYY-MM-DD HH:MM:SS+00:00`. */
export function formatExpiration(date: Date): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}+00:00`;
}

/** Splits `s3://<bucket>/<ws>/<storage>/` into bucket and key prefix. */
export function parseS3EndpointUrl(endpointUrl: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(endpointUrl.trim());
  if (!match)
    throw new TypeError(`endpoint_url ${JSON.stringify(endpointUrl)} is not an s3://bucket/prefix URL`);
  const path = (match[2] ?? '').replace(/^\/+/, '');
  const prefix = path === '' ? '' : path.endsWith('/') ? path : `${path}/`;
  return { bucket: match[1] as string, prefix };
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** Reads the credentials endpoint's answer `{"credentials":{"s3":{...}}}` (spec §6.2). */
export function sessionFromResponse(body: unknown): NaasS3Session {
  const s3 = (body as { credentials?: { s3?: Record<string, unknown> } } | undefined)?.credentials?.s3;
  const fail = (why: string): never => {
    throw new HttpError(`Unexpected storage credentials response: ${why}`, { status: 200 });
  };
  if (!s3 || typeof s3 !== 'object') return fail('no credentials.s3 object');
  const endpointUrl = str(s3.endpoint_url) ?? fail('no endpoint_url');
  const accessKeyId = str(s3.access_key_id) ?? fail('no access_key_id');
  const secretAccessKey = str(s3.secret_key) ?? fail('no secret_key');
  const expiration = str(s3.expiration) ?? fail('no expiration');
  let expiresAt: Date;
  let location: { bucket: string; prefix: string };
  try {
    expiresAt = parseExpiration(expiration);
    location = parseS3EndpointUrl(endpointUrl);
  } catch (error) {
    return fail((error as Error).message);
  }
  return {
    ...location,
    region: str(s3.region_name) ?? 'us-east-1',
    accessKeyId,
    secretAccessKey,
    sessionToken: str(s3.session_token),
    expiresAt,
    endpointUrl,
  };
}

/** The session in the credentials file's `s3` leaf (naas-python's keys, plus our ENDPOINT_URL). */
export function toStoredCredentials(session: NaasS3Session): StoredS3Credentials {
  return {
    REGION_NAME: session.region,
    AWS_ACCESS_KEY_ID: session.accessKeyId,
    AWS_SECRET_ACCESS_KEY: session.secretAccessKey,
    AWS_SESSION_TOKEN: session.sessionToken ?? '',
    AWS_SESSION_EXPIRATION_TOKEN: formatExpiration(session.expiresAt),
    ENDPOINT_URL: session.endpointUrl,
  };
}

/** Reads a stored `s3` leaf back; `undefined` when incomplete or without our ENDPOINT_URL. */
export function fromStoredCredentials(stored: StoredS3Credentials | undefined): NaasS3Session | undefined {
  if (!stored?.AWS_ACCESS_KEY_ID || !stored.AWS_SECRET_ACCESS_KEY || !stored.ENDPOINT_URL) return undefined;
  try {
    return {
      ...parseS3EndpointUrl(stored.ENDPOINT_URL),
      region: stored.REGION_NAME || 'us-east-1',
      accessKeyId: stored.AWS_ACCESS_KEY_ID,
      secretAccessKey: stored.AWS_SECRET_ACCESS_KEY,
      sessionToken: stored.AWS_SESSION_TOKEN || undefined,
      expiresAt: parseExpiration(stored.AWS_SESSION_EXPIRATION_TOKEN),
      endpointUrl: stored.ENDPOINT_URL,
    };
  } catch {
    return undefined;
  }
}
