import type { EmulatorRequest, EmulatorResponse } from '@nimbus-sdk/core/testing';
import type { SmartdcState } from './state.js';

/** Who signed the request. */
export interface Caller {
  login: string;
  user?: string;
  keyId: string;
  fingerprint: string;
}

/** What every authenticated CloudAPI route gets besides the request. */
export interface CallContext {
  state: SmartdcState;
  caller: Caller;
  /** The negotiated API version (`9.0.0`, `7.2.0`, ...). */
  version: string;
  /** The request's inputs: query params, JSON or form body, merged as CloudAPI does. */
  params: Record<string, unknown>;
}

export type CloudRouteHandler = (request: EmulatorRequest, call: CallContext) => EmulatorResponse;

/** Where route files register CloudAPI routes; paths are below `/:login` (`/machines/:id`). */
export interface CloudRoutes {
  get(path: string, handler: CloudRouteHandler): void;
  head(path: string, handler: CloudRouteHandler): void;
  post(path: string, handler: CloudRouteHandler): void;
  put(path: string, handler: CloudRouteHandler): void;
  delete(path: string, handler: CloudRouteHandler): void;
}

/** A JSON 200 (or other status) answer. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers, body };
}

/** An empty answer (202, 204). */
export function empty(status: number, headers: Record<string, string> = {}): EmulatorResponse {
  return { status, headers };
}

/** A route parameter that the router always fills. */
export function param(request: EmulatorRequest, name: string): string {
  return request.params[name] ?? '';
}
