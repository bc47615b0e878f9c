import type { Router } from '@nimbus-sdk/core/testing';
import { json, type RouteContext, route } from '../route-context.js';

/** `/version` (an object, though the OpenAPI document says a string) and the health probes. */
export function registerService(router: Router, context: RouteContext, version: string): void {
  route(router, context, 'GET', '/version', () => json(200, { version }), ['v2']);
  route(router, context, 'GET', '/healthz/ready', () => json(200, {}), ['v2']);
  route(router, context, 'GET', '/healthz/live', () => json(200, {}), ['v2']);
}
