import { ValidationError } from '../errors/client-errors.js';
import type { RequestBody } from './types.js';

/** A body ready to sign and send. */
export interface PreparedBody {
  /** Exact bytes (signed and sent as is), a one-shot stream (web or Node), or nothing. */
  readonly payload: Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | undefined;
  /** The bytes a signer hashes; `undefined` for streams and empty requests. */
  readonly signable: Uint8Array | undefined;
  readonly sha256: string | undefined;
  readonly contentType: string | undefined;
  readonly contentLength: number | undefined;
  /** False for streams: once consumed they cannot be sent again, so they are never retried. */
  readonly replayable: boolean;
}

const NONE: PreparedBody = {
  payload: undefined,
  signable: undefined,
  sha256: undefined,
  contentType: undefined,
  contentLength: undefined,
  replayable: true,
};

const encoder = new TextEncoder();

function isWebStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof ReadableStream !== 'undefined' && value instanceof ReadableStream;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/**
 * Node streams go to fetch as they are: Node's fetch reads any async iterable itself, so wrapping one
 * in a web stream here would only add a layer per chunk.
 */
function streamPayload(stream: unknown): ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> {
  if (isWebStream(stream) || isAsyncIterable(stream)) return stream;
  throw new ValidationError('body.stream must be a web ReadableStream or a Node readable stream', [
    { path: 'body.stream', message: 'not a stream' },
  ]);
}

/**
 * Serialises a JSON body exactly once, so the bytes a signer hashes are the bytes on the wire.
 * Bad input is a {@link ValidationError} before anything is sent.
 */
export function prepareBody(body: RequestBody | undefined): PreparedBody {
  if (body === undefined) return NONE;
  if ('json' in body) {
    let text: string | undefined;
    try {
      text = JSON.stringify(body.json);
    } catch (error) {
      throw new ValidationError(`body.json cannot be serialised: ${(error as Error).message}`, [
        { path: 'body.json', message: 'not serialisable (cycle or BigInt?)' },
      ]);
    }
    if (text === undefined) {
      throw new ValidationError('body.json must be a JSON value, got undefined or a function', [
        { path: 'body.json', message: 'not a JSON value' },
      ]);
    }
    const bytes = encoder.encode(text);
    return {
      payload: bytes,
      signable: bytes,
      sha256: undefined,
      contentType: 'application/json',
      contentLength: bytes.byteLength,
      replayable: true,
    };
  }
  if ('bytes' in body) {
    const bytes = typeof body.bytes === 'string' ? encoder.encode(body.bytes) : body.bytes;
    if (!(bytes instanceof Uint8Array)) {
      throw new ValidationError('body.bytes must be a string or a Uint8Array', [
        { path: 'body.bytes', message: 'wrong type' },
      ]);
    }
    return {
      payload: bytes,
      signable: bytes,
      sha256: undefined,
      contentType: body.contentType ?? 'application/octet-stream',
      contentLength: bytes.byteLength,
      replayable: true,
    };
  }
  if ('stream' in body) {
    if (body.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(body.sha256)) {
      throw new ValidationError('body.sha256 must be 64 lower-case hex characters', [
        { path: 'body.sha256', message: 'not a hex SHA-256' },
      ]);
    }
    if (
      body.contentLength !== undefined &&
      !(Number.isInteger(body.contentLength) && body.contentLength >= 0)
    ) {
      throw new ValidationError('body.contentLength must be a whole number >= 0', [
        { path: 'body.contentLength', message: 'not a byte count' },
      ]);
    }
    return {
      payload: streamPayload(body.stream),
      signable: undefined,
      sha256: body.sha256,
      contentType: body.contentType ?? 'application/octet-stream',
      contentLength: body.contentLength,
      replayable: false,
    };
  }
  throw new ValidationError('body must be one of { json }, { bytes } or { stream }', [
    { path: 'body', message: 'unknown body kind' },
  ]);
}
