import { createHash, createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { DciEmulator } from '../src/emulator/index.js';

/** What the emulator answered to a raw request. */
export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON when the answer is JSON, else the text. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read the server's answers field by field
  body: any;
}

/** Credentials for a raw request: basic auth of a seeded user, or none. */
export type RawAuth = { login: string; password: string } | undefined;

/**
 * Sends exactly this method, path and body over node:http (fetch would collapse `..` and refuse
 * odd targets), as a seeded user with basic auth, to see answers the SDK would never ask for.
 */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  options: { auth?: RawAuth; json?: unknown; body?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth) {
    headers.authorization = `Basic ${Buffer.from(`${options.auth.login}:${options.auth.password}`).toString('base64')}`;
  }
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  // node:http sends DELETE bodies without framing unless told their length.
  if (body !== undefined) headers['content-length'] ??= String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown = text;
        if (String(res.headers['content-type'] ?? '').includes('json') && text !== '')
          parsed = JSON.parse(text);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A DCI2-signed raw request as the emulator's seeded remoteci (python-dciclient's wire form). */
export function remoteciRequest(
  emulator: DciEmulator,
  method: string,
  path: string,
  json?: unknown,
  raw: { body?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const { id, apiSecret } = emulator.seed.remoteci;
  const body = raw.body ?? (json === undefined ? '' : JSON.stringify(json));
  const url = new URL(path, emulator.url);
  const timestamp = new Date().toISOString().replace(/[-:]|\.\d+/g, '');
  const date = timestamp.slice(0, 8);
  const query = [...url.searchParams]
    .map(([k, v]) => [
      encodeURIComponent(k),
      encodeURIComponent(v).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
    ])
    .sort()
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  const sha = (text: string) => createHash('sha256').update(text).digest('hex');
  const canonical = [
    method,
    decodeURIComponent(url.pathname),
    query,
    `host:${url.host}\nx-dci-date:${timestamp}\n`,
    'host;x-dci-date',
    sha(body),
  ].join('\n');
  const scope = `${date}/BHS3/api/dci2_request`;
  const toSign = ['DCI2-HMAC-SHA256', timestamp, scope, sha(canonical)].join('\n');
  let key: Buffer = createHmac('sha256', `DCI2${apiSecret}`).update(date).digest();
  for (const part of ['BHS3', 'api', 'dci2_request']) key = createHmac('sha256', key).update(part).digest();
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return rawRequest(emulator.port, method, path, {
    body: body === '' ? undefined : body,
    headers: {
      'x-dci-date': timestamp,
      authorization: `DCI2-HMAC-SHA256 Credential=remoteci/${id}/${scope}, SignedHeaders=host;x-dci-date, Signature=${signature}`,
      ...(body === '' || raw.body !== undefined ? {} : { 'content-type': 'application/json' }),
      ...raw.headers,
    },
  });
}
