import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { PROBLEM_DETAILS, problem } from './errors.js';

/**
 * The JSON object of a POST or PATCH, read as Flask 3 and IMS read it: 415 without a JSON content
 * type, 400 when the body is not JSON, 400 "No input provided" when it is empty or `{}`.
 */
export function jsonInput(request: EmulatorRequest): Record<string, unknown> {
  const contentType = String(request.headers['content-type'] ?? '').toLowerCase();
  const mime = contentType.split(';')[0]?.trim() ?? '';
  if (mime !== 'application/json' && !/^application\/[^/]+\+json$/.test(mime)) {
    throw problem(
      415,
      "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.",
    );
  }
  if (request.body.byteLength === 0) throw problem(400, PROBLEM_DETAILS.noInput);
  let value: unknown;
  try {
    value = JSON.parse(request.body.toString('utf8'));
  } catch {
    throw problem(400, 'The browser (or proxy) sent a request that this server could not understand.');
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw problem(400, PROBLEM_DETAILS.noInput);
  }
  if (Object.keys(value).length === 0) throw problem(400, PROBLEM_DETAILS.noInput);
  return value as Record<string, unknown>;
}
