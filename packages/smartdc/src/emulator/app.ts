import { randomUUID } from 'node:crypto';
import {
  EmulatorHttpError,
  type EmulatorRequest,
  type EmulatorResponse,
  type RouteHandler,
  Router,
} from '@nimbus-sdk/core/testing';
import { negotiateApiVersion, SUPPORTED_API_VERSIONS } from './api-version.js';
import { authenticate } from './auth.js';
import type { CallContext, CloudRouteHandler, CloudRoutes } from './call-context.js';
import { cloudApiError } from './errors.js';
import { MAX_BODY_BYTES } from './input-rules.js';
import { requestParams } from './params.js';
import { registerAccount } from './routes/account.js';
import { registerCatalog } from './routes/catalog.js';
import { registerFirewallRules } from './routes/fwrules.js';
import { registerMachineData } from './routes/machine-data.js';
import { registerMachines } from './routes/machines.js';
import type { SmartdcState } from './state.js';

/** The code version CloudAPI reports in `Server`. */
const SERVER = 'cloudapi/9.15.0';

/** How many requests the log keeps. */
export const MAX_LOGGED_REQUESTS = 10_000;

/** One request the emulator received: what a test needs to tell reads from writes. */
export interface LoggedRequest {
  method: string;
  /** The raw path with its query string, as sent. */
  path: string;
}

/** Requests the emulator received, so tests and benches can count and check what a client sent. */
export interface RequestCounter {
  total: number;
  /** The latest requests (up to {@link MAX_LOGGED_REQUESTS}) in arrival order, cleared with the counter. */
  log: LoggedRequest[];
}

/**
 * The CloudAPI request pipeline: `/--ping` unauthenticated; else version negotiation, signature
 * check, `my` → caller login, then the route. Every answer carries `Api-Version`, `Request-Id`,
 * `Response-Time` and `Server`, errors included.
 */
export function cloudApiHandler(state: SmartdcState, counter: RequestCounter): RouteHandler {
  const contexts = new WeakMap<EmulatorRequest, CallContext>();
  const router = new Router({
    notFound: (request) => {
      throw cloudApiError(404, 'ResourceNotFound', `${request.rawPath} does not exist`);
    },
    methodNotAllowed: (request) => {
      throw cloudApiError(405, 'MethodNotAllowed', `${request.method} is not allowed`);
    },
  });
  const on = (method: string) => (path: string, handler: CloudRouteHandler) => {
    router.on(method, `/:login${path}`, (request) => {
      const context = contexts.get(request) as CallContext;
      const login = request.params.login;
      // `my` stands for the caller's account; any other account needs operator rights.
      if (login !== 'my' && login !== context.caller.login) {
        throw cloudApiError(
          403,
          'NotAuthorized',
          `${context.caller.login} is not allowed to access ${login}`,
        );
      }
      return handler(request, context);
    });
  };
  const routes: CloudRoutes = {
    get: on('GET'),
    head: on('HEAD'),
    post: on('POST'),
    put: on('PUT'),
    delete: on('DELETE'),
  };
  registerAccount(routes);
  registerCatalog(routes);
  registerMachines(routes);
  registerMachineData(routes);
  registerFirewallRules(routes);

  return async (request) => {
    counter.total++;
    // Bounded, since a sandbox emulator runs for hours: the oldest half goes when it is full.
    if (counter.log.length >= MAX_LOGGED_REQUESTS) counter.log.splice(0, MAX_LOGGED_REQUESTS / 2);
    counter.log.push({ method: request.method, path: `${request.rawPath}${request.url.search}` });
    const started = Date.now();
    let version = SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1] as string;
    let response: EmulatorResponse;
    try {
      if (request.rawPath === '/--ping') {
        response = {
          status: 200,
          body: { ping: 'pong', cloudapi: { versions: [...SUPPORTED_API_VERSIONS] } },
        };
      } else {
        if (request.body.length > MAX_BODY_BYTES) {
          throw cloudApiError(413, 'RequestTooLarge', `request body is larger than ${MAX_BODY_BYTES} bytes`);
        }
        const range = headerText(request, 'accept-version') ?? headerText(request, 'x-api-version');
        const negotiated = negotiateApiVersion(range);
        if (!negotiated) {
          throw cloudApiError(
            400,
            'InvalidVersion',
            `${range} is not supported by ${request.method} ${request.rawPath}`,
          );
        }
        version = negotiated;
        const caller = await authenticate(request, state, version);
        contexts.set(request, { state, caller, version, params: requestParams(request) });
        response = await router.handle(request);
      }
    } catch (error) {
      if (!(error instanceof EmulatorHttpError)) throw error;
      response = { status: error.status, headers: error.headers, body: error.body };
    }
    return {
      ...response,
      headers: {
        ...response.headers,
        'api-version': version,
        'request-id': randomUUID(),
        'response-time': String(Date.now() - started),
        server: SERVER,
        'triton-datacenter-name': state.datacenterName,
      },
    };
  };
}

function headerText(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
