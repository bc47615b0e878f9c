import { bareRecord, type EmulatorRequest, isJsonObject, parseJsonBody } from '@nimbus-sdk/core/testing';
import { cloudApiError } from './errors.js';

/**
 * CloudAPI merges query params, JSON bodies and form bodies into one bag (restify bodyParser with
 * mapParams). Body values win over query values. The bag has no prototype, so a `__proto__` key
 * (`{"__proto__":{"action":"stop"}}`) is just an input nobody reads, never an inherited `action`.
 */
export function requestParams(request: EmulatorRequest): Record<string, unknown> {
  const params = bareRecord<unknown>(request.query);
  if (request.body.length === 0) return params;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) params[key] = value;
    return params;
  }
  let body: unknown;
  try {
    body = parseJsonBody(request.body);
  } catch {
    throw cloudApiError(400, 'InvalidContent', 'Invalid JSON in request body');
  }
  // Every CloudAPI input is a named parameter: an array, string or number body names none.
  if (!isJsonObject(body)) throw cloudApiError(400, 'InvalidContent', 'request body must be a JSON object');
  for (const key of Object.keys(body)) params[key] = body[key];
  return params;
}

/** The `prefix.<k>` entries of a params bag (`metadata.foo`, `tag.env`) as a null-prototype record. */
export function prefixed(params: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out = bareRecord<unknown>();
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  }
  return out;
}

/** The params bag without `action` (which the action route reads), as the data of a tag/metadata write. */
export function dataParams(params: Record<string, unknown>): Record<string, unknown> {
  return bareRecord(Object.entries(params).filter(([key]) => key !== 'action'));
}
