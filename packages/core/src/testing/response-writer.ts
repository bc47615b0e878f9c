import type { ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EmulatorResponse } from './types.js';

function isNodeReadable(value: unknown): value is Readable {
  return value instanceof Readable;
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/**
 * Writes a handler's answer: objects as JSON, strings and buffers as they are, Node and web streams
 * piped. HEAD, 204 and 304 answers keep their headers but carry no body.
 */
export async function writeEmulatorResponse(
  res: ServerResponse,
  method: string,
  answer: EmulatorResponse,
): Promise<void> {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  const bodyless = method === 'HEAD' || answer.status === 204 || answer.status === 304;
  const body = answer.body;
  if (isNodeReadable(body) || body instanceof ReadableStream) {
    const stream = isNodeReadable(body)
      ? body
      : Readable.fromWeb(body as import('node:stream/web').ReadableStream);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/octet-stream';
    res.writeHead(answer.status, headers);
    if (bodyless) {
      stream.destroy();
      res.end();
      return;
    }
    await pipeline(stream, res);
    return;
  }
  let bytes: Buffer | undefined;
  if (body === undefined || body === null) {
    bytes = undefined;
  } else if (typeof body === 'string') {
    bytes = Buffer.from(body, 'utf8');
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
  } else if (body instanceof Uint8Array) {
    bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/octet-stream';
  } else {
    let json: string;
    try {
      json = JSON.stringify(body);
    } catch (error) {
      // A model too deep (or cyclic) to serialise is the emulator's bug: answer it, never reset.
      const why = error instanceof Error ? error.message : String(error);
      await writeEmulatorResponse(res, method, {
        status: 500,
        body: { message: `emulator could not serialise its answer: ${why}` },
      });
      return;
    }
    bytes = Buffer.from(json, 'utf8');
    if (!hasHeader(headers, 'content-type')) headers['content-type'] = 'application/json';
  }
  if (!hasHeader(headers, 'content-length') && !(answer.status === 204 || answer.status === 304)) {
    headers['content-length'] = String(bytes?.byteLength ?? 0);
  }
  res.writeHead(answer.status, headers);
  res.end(bodyless ? undefined : bytes);
}
