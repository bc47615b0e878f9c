import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { cloudApiError } from './errors.js';

/**
 * CloudAPI merges query params, JSON bodies and form bodies into one bag (restify bodyParser with
 * mapParams). Body values win over query values.
 */
export function requestParams(request: EmulatorRequest): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of request.query) params[key] = value;
  if (request.body.length === 0) return params;
  const type = String(request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(request.body.toString('utf8'))) params[key] = value;
    return params;
  }
  let body: unknown;
  try {
    body = JSON.parse(request.body.toString('utf8'));
  } catch {
    throw cloudApiError(400, 'InvalidContent', 'Invalid JSON in request body');
  }
  if (body && typeof body === 'object' && !Array.isArray(body)) Object.assign(params, body);
  return params;
}

/** The `prefix.<k>` entries of a params bag (`metadata.foo`, `tag.env`) as an object. */
export function prefixed(params: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith(`${prefix}.`)) out[key.slice(prefix.length + 1)] = value;
  }
  return out;
}
