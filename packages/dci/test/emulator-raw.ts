import { request as httpRequest } from 'node:http';

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
