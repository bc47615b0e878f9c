import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, ConfigError, TimeoutError } from '@nimbus-sdk/core';

/** The port the Naas web app posts the login code to (hard-coded on its side). */
export const NAAS_LOGIN_CALLBACK_PORT = 38745;
/** The only origin allowed to post a code. */
export const NAAS_WEB_ORIGIN = 'https://naas.ai';

/** Options of {@link startLoginCallback}. */
export interface LoginCallbackOptions {
  /** Default 38745; 0 picks a free port (tests). */
  port?: number;
  /** Origin allowed by CORS and accepted as `Origin`; default https://naas.ai. */
  webOrigin?: string;
  /** How long to wait for the browser; default 120 s. */
  timeoutMs?: number;
}

/** A listening callback server. */
export interface LoginCallback {
  readonly port: number;
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** The code the web app posted. Rejects on timeout or an `error` answer. */
  readonly code: Promise<string>;
  close(): Promise<void>;
}

const MAX_BODY = 16 * 1024;

/**
 * Receives the web login's short-lived code. Fixes naas-python's callback (spec §2.3, §12.4): it
 * listens on 127.0.0.1 only (never all interfaces), answers CORS only for the Naas web origin
 * (never `*`), refuses a request whose `Host` is not this loopback address (DNS rebinding), reads
 * the body before answering, tolerates unknown fields, and gives up after a timeout that says what
 * to do instead.
 */
export async function startLoginCallback(options: LoginCallbackOptions = {}): Promise<LoginCallback> {
  const webOrigin = options.webOrigin ?? NAAS_WEB_ORIGIN;
  const timeoutMs = options.timeoutMs ?? 120_000;
  let settle: { resolve(code: string): void; reject(error: Error): void } | undefined;
  const code = new Promise<string>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // The caller may only look at `code` after an early close; never an unhandled rejection.
  code.catch(() => {});
  let port = 0;

  const cors = (res: ServerResponse) => {
    res.setHeader('Access-Control-Allow-Origin', webOrigin);
    res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.setHeader('Access-Control-Allow-Headers', 'content-type');
    res.setHeader('Vary', 'Origin');
  };
  const answer = (res: ServerResponse, status: number, body?: unknown) => {
    res.statusCode = status;
    if (body === undefined) return void res.end();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };
  const hostAllowed = (req: IncomingMessage) =>
    req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;

  const server = createServer((req, res) => {
    if (!hostAllowed(req)) return answer(res, 403, { error: 'unexpected Host' });
    const origin = req.headers.origin;
    if (origin !== webOrigin) return answer(res, 403, { error: 'origin not allowed' });
    cors(res);
    if (req.method === 'OPTIONS') return answer(res, 204);
    if (req.method !== 'POST') return answer(res, 405, { error: 'POST the login code' });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        return answer(res, 400, { error: 'body must be JSON with a code' });
      }
      if (typeof body.error === 'string') {
        answer(res, 200, { status: 'ok' });
        const detail = typeof body.error_description === 'string' ? `: ${body.error_description}` : '';
        return settle?.reject(
          new AuthenticationError(`Naas login failed (${body.error}${detail})`, { status: 401 }),
        );
      }
      if (typeof body.code !== 'string' || body.code === '')
        return answer(res, 400, { error: 'no code received' });
      answer(res, 200, { status: 'ok' });
      settle?.resolve(body.code);
    });
  });
  const wanted = options.port ?? NAAS_LOGIN_CALLBACK_PORT;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new ConfigError(
              `127.0.0.1:${wanted} is already in use (another \`nimbus naas login\` or naas-python login running?); finish or stop it, or log in with --token`,
            )
          : error,
      );
    });
    server.listen(wanted, '127.0.0.1', () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const timer = setTimeout(() => {
    settle?.reject(
      new TimeoutError(
        `No login arrived within ${Math.round(timeoutMs / 1000)} s. Finish signing in in the browser and run \`nimbus naas login\` again, or log in without a browser: \`nimbus naas login --token <jwt>\` or \`--jupyterhub-token <token>\`.`,
      ),
    );
  }, timeoutMs);
  timer.unref();
  const close = () =>
    new Promise<void>((resolve) => {
      clearTimeout(timer);
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { port, url: `http://127.0.0.1:${port}`, code, close };
}
