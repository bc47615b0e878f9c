import {
  Agent,
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a fault rule sees of a request: enough to pick out e.g. "PUT of part 3". */
export interface ProxiedRequest {
  readonly method: string;
  /** Path without the query, still percent-encoded. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case, as Node parsed them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/** Picks the requests a fault applies to. */
export type RequestMatcher = (request: ProxiedRequest) => boolean;

/** Matches S3 UploadPart requests (`PUT ...?partNumber=N&uploadId=...`). */
export const isUploadPart: RequestMatcher = (r) =>
  r.method === 'PUT' && r.query.has('partNumber') && r.query.has('uploadId');

type Fault =
  | { kind: 'reset'; afterBodyBytes: number }
  | { kind: 'status'; status: number }
  | { kind: 'stall' }
  | { kind: 'etag'; etag: string }
  | { kind: 'cut-answer'; afterBodyBytes: number };

interface Rule {
  readonly fault: Fault;
  readonly match: RequestMatcher;
  /** Matching requests still to let through before this rule fires. */
  skip: number;
}

/** A running proxy; {@link startS3FaultProxy}. */
export interface S3FaultProxy {
  /** Point the S3 client here instead of at the server. */
  readonly url: string;
  /** Every request seen, in arrival order (faulted ones included). */
  readonly requests: readonly ProxiedRequest[];
  /** Resets the connection after `afterBodyBytes` bytes of the `nth` (1-based) matching request's body. */
  resetMidBody(afterBodyBytes: number, match?: RequestMatcher, nth?: number): this;
  /** Answers the `nth` matching request with `status` (an S3-style XML error) instead of forwarding it. */
  failWith(status: number, match?: RequestMatcher, nth?: number): this;
  /** Never answers the `nth` matching request: its client must time out. */
  stall(match?: RequestMatcher, nth?: number): this;
  /** Forwards the `nth` matching request, then resets the connection after `afterBodyBytes` bytes of the answer's body. */
  cutAnswer(afterBodyBytes: number, match?: RequestMatcher, nth?: number): this;
  /** Forwards the `nth` matching request but replaces the ETag of its answer, as a buggy server might. */
  rewriteEtag(etag: string, match?: RequestMatcher, nth?: number): this;
  /** Number of requests seen that `match` accepts. */
  count(match: RequestMatcher): number;
  /** Drops pending faults and the request log. */
  clear(): void;
  close(): Promise<void>;
}

const any: RequestMatcher = () => true;
const S3_CODES: Record<number, string> = { 500: 'InternalError', 503: 'SlowDown', 429: 'SlowDown' };

/**
 * An HTTP proxy on 127.0.0.1 in front of a real S3 server that breaks chosen requests: a reset in
 * the middle of a part's body, a 5xx answer, or a stall. Requests are forwarded byte for byte with
 * their original Host header, so SigV4 signatures still verify at the server.
 *
 * @example
 * const proxy = await startS3FaultProxy(rgw.endpoint);
 * proxy.resetMidBody(1024 * 1024, isUploadPart, 2); // the 2nd part upload dies after 1 MiB
 * await uploadFile({ client: createS3Client({ endpoint: proxy.url, ... }), ... });
 */
export async function startS3FaultProxy(target: string): Promise<S3FaultProxy> {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true });
  const rules: Rule[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();

  const takeFault = (seen: ProxiedRequest): Fault | undefined => {
    for (const [index, rule] of rules.entries()) {
      if (!rule.match(seen)) continue;
      if (rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      rules.splice(index, 1);
      return rule.fault;
    }
    return undefined;
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const seen: ProxiedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: { ...req.headers },
    };
    requests.push(seen);
    const fault = takeFault(seen);
    if (fault?.kind === 'stall') return;
    if (fault?.kind === 'status') {
      req.resume();
      req.on('end', () => {
        const code = S3_CODES[fault.status] ?? 'InjectedFault';
        res.writeHead(fault.status, { 'content-type': 'application/xml' });
        res.end(
          `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>injected by the fault proxy</Message></Error>`,
        );
      });
      return;
    }
    const headers = { ...req.headers };
    // Node answers 100-continue itself; forwarding the header would make the server wait for it too.
    delete headers.expect;
    const forward = httpRequest({
      host: upstream.hostname,
      port: upstream.port,
      method: req.method,
      path: req.url,
      headers,
      agent,
    });
    forward.on('response', (answer) => {
      const answerHeaders = fault?.kind === 'etag' ? { ...answer.headers, etag: fault.etag } : answer.headers;
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      if (fault?.kind !== 'cut-answer') {
        answer.pipe(res);
        return;
      }
      let sent = 0;
      answer.on('data', (chunk: Buffer) => {
        if (sent + chunk.length < fault.afterBodyBytes) {
          sent += chunk.length;
          res.write(chunk);
          return;
        }
        res.write(chunk.subarray(0, fault.afterBodyBytes - sent));
        answer.destroy();
        const socket = res.socket as (Socket & { resetAndDestroy?: () => void }) | null;
        if (socket?.resetAndDestroy) socket.resetAndDestroy();
        else socket?.destroy();
      });
    });
    forward.on('error', () => res.destroy());
    let bodyBytes = 0;
    req.on('data', (chunk: Buffer) => {
      if (fault?.kind === 'reset' && bodyBytes + chunk.length >= fault.afterBodyBytes) {
        forward.write(chunk.subarray(0, fault.afterBodyBytes - bodyBytes));
        forward.destroy();
        const socket = req.socket as Socket & { resetAndDestroy?: () => void };
        if (socket.resetAndDestroy) socket.resetAndDestroy();
        else socket.destroy();
        return;
      }
      bodyBytes += chunk.length;
      if (!forward.write(chunk)) {
        req.pause();
        forward.once('drain', () => req.resume());
      }
    });
    req.on('end', () => forward.end());
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;

  const add = (fault: Fault, match: RequestMatcher, nth: number) => {
    if (!Number.isInteger(nth) || nth < 1)
      throw new RangeError(`nth must be a whole number >= 1, got ${nth}`);
    rules.push({ fault, match, skip: nth - 1 });
  };
  const proxy: S3FaultProxy = {
    url: `http://127.0.0.1:${port}`,
    requests,
    resetMidBody(afterBodyBytes, match = any, nth = 1) {
      if (!Number.isInteger(afterBodyBytes) || afterBodyBytes < 0) {
        throw new RangeError(`afterBodyBytes must be a whole number >= 0, got ${afterBodyBytes}`);
      }
      add({ kind: 'reset', afterBodyBytes }, match, nth);
      return proxy;
    },
    failWith(status, match = any, nth = 1) {
      if (!Number.isInteger(status) || status < 400 || status > 599) {
        throw new RangeError(`status must be 400-599, got ${status}`);
      }
      add({ kind: 'status', status }, match, nth);
      return proxy;
    },
    stall(match = any, nth = 1) {
      add({ kind: 'stall' }, match, nth);
      return proxy;
    },
    cutAnswer(afterBodyBytes, match = any, nth = 1) {
      if (!Number.isInteger(afterBodyBytes) || afterBodyBytes < 0) {
        throw new RangeError(`afterBodyBytes must be a whole number >= 0, got ${afterBodyBytes}`);
      }
      add({ kind: 'cut-answer', afterBodyBytes }, match, nth);
      return proxy;
    },
    rewriteEtag(etag, match = any, nth = 1) {
      add({ kind: 'etag', etag }, match, nth);
      return proxy;
    },
    count: (match) => requests.filter(match).length,
    clear() {
      rules.length = 0;
      requests.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
