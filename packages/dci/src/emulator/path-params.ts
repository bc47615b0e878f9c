import type { EmulatorRequest } from '@nimbus-sdk/core/testing';
import { dciError } from './errors.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every DCI path parameter is a `<uuid:...>` converter upstream: anything else (`..`, `.`, `a/b`,
 * a name) matches no route, so Flask answers 404 before any lookup or authentication.
 */
export function requireUuidParams(request: EmulatorRequest): void {
  for (const [name, value] of Object.entries(request.params)) {
    // `/jobs_events/<int:sequence>` is the one integer parameter.
    const valid = name === 'sequence' ? /^\d+$/.test(value) : UUID.test(value);
    if (!valid) {
      throw dciError(404, `The requested URL ${request.rawPath} was not found on the server.`);
    }
  }
}
