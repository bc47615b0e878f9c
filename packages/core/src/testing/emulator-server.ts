import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { EmulatorHttpError } from './emulator-http-error.js';
import { emulatorRequest } from './emulator-request.js';
import { FaultController, type PendingFault } from './fault-controller.js';
import { writeEmulatorResponse } from './response-writer.js';
import type { Router } from './router.js';
import type { EmulatorResponse, RouteHandler } from './types.js';

/** Options of {@link startEmulatorServer}. */
export interface EmulatorServerOptions {
  /** A handler function or a {@link Router}. */
  handler: RouteHandler | Router;
  /** Port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** The emulator's clock before skew; default the system clock. */
  clock?: () => Date;
  /** A controller to share (e.g. created by a provider emulator); default a fresh one. */
  faults?: FaultController;
  /** Largest request body accepted; larger ones get 413. Default 64 MiB. */
  maxBodyBytes?: number;
  /** Sees handler failures that are not {@link EmulatorHttpError}s (answered 500). */
  onError?: (error: unknown) => void;
}

/** A started emulator server. */
export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly faults: FaultController;
  /** The emulator's current time, clock skew included (what `request.now()` returns). */
  readonly clock: () => Date;
  /** Stops listening and destroys every open connection. Safe to call more than once. */
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limit) {
        req.removeAllListeners('data');
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function faultAnswer(fault: Extract<PendingFault, { kind: 'fail' | 'rate-limit' }>): EmulatorResponse {
  if (fault.kind === 'fail') return { status: fault.status, body: fault.body };
  return {
    status: 429,
    headers: { 'retry-after': String(fault.retryAfterSeconds) },
    body: { message: `injected fault: rate limited, retry after ${fault.retryAfterSeconds} s` },
  };
}

/**
 * Starts a real HTTP server on 127.0.0.1 that buffers each request into an `EmulatorRequest`, applies
 * any injected fault, and writes the handler's answer. Every provider emulator is one of these.
 *
 * @example
 * const emulator = await startEmulatorServer({ handler: router });
 * afterAll(() => emulator.close());
 */
export async function startEmulatorServer(options: EmulatorServerOptions): Promise<RunningEmulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`port must be a whole number from 0 to 65535, got ${port}`);
  }
  if (
    options.maxBodyBytes !== undefined &&
    !(Number.isInteger(options.maxBodyBytes) && options.maxBodyBytes >= 0)
  ) {
    throw new RangeError(`maxBodyBytes must be a whole number >= 0, got ${options.maxBodyBytes}`);
  }
  const handler: RouteHandler =
    typeof options.handler === 'function' ? options.handler : options.handler.handle;
  const faults = options.faults ?? new FaultController();
  const baseClock = options.clock ?? (() => new Date());
  const clock = () => new Date(baseClock().getTime() + faults.clockSkewMs);
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const sockets = new Set<Socket>();
  let origin = '';

  async function answer(req: IncomingMessage): Promise<EmulatorResponse> {
    let body: Buffer;
    try {
      body = await readBody(req, maxBody);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      return {
        status: 413,
        headers: { connection: 'close' },
        body: { message: `request body exceeds the emulator limit of ${maxBody} bytes` },
      };
    }
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    try {
      return await handler(emulatorRequest(req, origin, body, clock));
    } catch (error) {
      if (error instanceof EmulatorHttpError) {
        return { status: error.status, headers: error.headers, body: error.body };
      }
      options.onError?.(error);
      const message = error instanceof Error ? error.message : String(error);
      return { status: 500, body: { message: `emulator handler failed: ${message}` } };
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const fault = faults.take();
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'drop-response') {
      await answer(req).catch(() => undefined);
      req.socket.destroy();
      return;
    }
    try {
      let response: EmulatorResponse;
      if (fault) {
        await readBody(req, maxBody).catch(() => undefined);
        if (faults.latencyMs > 0) await sleep(faults.latencyMs);
        response = faultAnswer(fault);
      } else {
        response = await answer(req);
      }
      await writeEmulatorResponse(res, req.method ?? 'GET', response);
    } catch (error) {
      // The client went away mid-answer, or a stream failed: nothing left to tell it.
      options.onError?.(error);
      res.destroy();
    }
  }

  const server = createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    void onRequest(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${bound}`;

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return { url: origin, port: bound, faults, clock, close };
}
