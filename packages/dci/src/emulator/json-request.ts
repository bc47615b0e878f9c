import { type EmulatorRequest, JsonBodyError, parseJsonBody } from '@nimbus-sdk/core/testing';
import { dciError, malformed } from './errors.js';

/**
 * Python's JSON decoder recurses once per nesting level and stops at the interpreter's recursion
 * limit (1,000 frames, some already used by Flask), so deeper bodies never reach the server's schema.
 */
export const MAX_JSON_DEPTH = 900;

/** Flask 1.1's `request.is_json`: `application/json` or any `application/*+json` mimetype. */
function isJsonMimetype(request: EmulatorRequest): boolean {
  const raw = request.headers['content-type'];
  const mimetype = (Array.isArray(raw) ? raw[0] : raw)?.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mimetype === 'application/json' || (mimetype.startsWith('application/') && mimetype.endsWith('+json'))
  );
}

/**
 * The body as `flask.request.json` gives it to the server's handlers: `{}` for an empty body (the
 * schema then reports what is missing), `None` for a non-JSON Content-Type, which the server's
 * schema check refuses as `Request malformed`; a body that does not decode is a 400 Bad Request.
 * Objects have no prototype, so a `__proto__` key stays data.
 */
export function jsonRequestBody(request: EmulatorRequest): unknown {
  if (request.body.length === 0) return Object.create(null);
  if (!isJsonMimetype(request)) throw malformed(["None is not of type 'object'"]);
  try {
    return parseJsonBody(request.body, { maxDepth: MAX_JSON_DEPTH });
  } catch (error) {
    const why = error instanceof JsonBodyError ? error.message : String(error);
    throw dciError(400, `Failed to decode JSON object: ${why}`);
  }
}
