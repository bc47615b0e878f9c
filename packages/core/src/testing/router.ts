import { EmulatorHttpError } from './emulator-http-error.js';
import type { EmulatorRequest, EmulatorResponse, RouteHandler } from './types.js';

/** Options of {@link Router}. */
export interface RouterOptions {
  /** `/jobs/` matches `/jobs` (default true). Services differ, so strict matching is available. */
  trailingSlashTolerant?: boolean;
  /** The answer when no route matches the path; default `404 { message }`. */
  notFound?: RouteHandler;
  /** The answer when the path matches but not the method; default `405 { message }` with `Allow`. */
  methodNotAllowed?: (request: EmulatorRequest, allowed: readonly string[]) => EmulatorResponse;
}

type Segment = { literal: string } | { param: string; rest: boolean };

interface Route {
  method: string;
  pattern: string;
  segments: Segment[];
  handler: RouteHandler;
}

function compile(pattern: string): Segment[] {
  if (!pattern.startsWith('/')) throw new TypeError(`route pattern must start with '/': ${pattern}`);
  const parts = pattern.split('/').slice(1);
  return parts.map((part, index) => {
    if (!part.startsWith(':')) return { literal: part };
    const rest = part.endsWith('*');
    const param = part.slice(1, rest ? -1 : undefined);
    if (!param) throw new TypeError(`route pattern has an unnamed parameter: ${pattern}`);
    if (rest && index !== parts.length - 1) throw new TypeError(`':${param}*' must be last in ${pattern}`);
    return { param, rest };
  });
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new EmulatorHttpError(400, { message: `malformed percent-encoding in path segment '${segment}'` });
  }
}

/** Params for `path` when `segments` match it, else `undefined`. */
function match(segments: Segment[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as Segment;
    const actual = path[i];
    if ('literal' in segment) {
      if (actual === undefined || decode(actual) !== segment.literal) return undefined;
      continue;
    }
    if (segment.rest) {
      const remaining = path.slice(i);
      if (remaining.length === 0 || remaining.join('') === '') return undefined;
      params[segment.param] = remaining.map(decode).join('/');
      return params;
    }
    if (actual === undefined || actual === '') return undefined;
    params[segment.param] = decode(actual);
  }
  return segments.length === path.length ? params : undefined;
}

/**
 * Routes emulator requests by method and path pattern. `:name` matches one segment and `:name*` the
 * rest of the path (object keys with slashes); parameters arrive decoded in `request.params`. HEAD
 * falls back to the GET route (the server drops the body).
 *
 * @example
 * const router = new Router({ notFound: () => ({ status: 404, body: { error: 'no such route' } }) })
 *   .get('/jobs/:id', (req) => ({ status: 200, body: jobs.get(req.params.id) }));
 */
export class Router {
  readonly #routes: Route[] = [];
  readonly #options: RouterOptions;

  constructor(options: RouterOptions = {}) {
    this.#options = options;
  }

  /** Adds a GET route. */
  get(pattern: string, handler: RouteHandler): this {
    return this.on('GET', pattern, handler);
  }
  /** Adds a POST route. */
  post(pattern: string, handler: RouteHandler): this {
    return this.on('POST', pattern, handler);
  }
  /** Adds a PUT route. */
  put(pattern: string, handler: RouteHandler): this {
    return this.on('PUT', pattern, handler);
  }
  /** Adds a PATCH route. */
  patch(pattern: string, handler: RouteHandler): this {
    return this.on('PATCH', pattern, handler);
  }
  /** Adds a DELETE route. */
  delete(pattern: string, handler: RouteHandler): this {
    return this.on('DELETE', pattern, handler);
  }
  /** Adds a HEAD route, for when HEAD must differ from the GET route's headers. */
  head(pattern: string, handler: RouteHandler): this {
    return this.on('HEAD', pattern, handler);
  }

  /** Adds a route for any method name (`OPTIONS`, or a service's own verbs). */
  on(method: string, pattern: string, handler: RouteHandler): this {
    this.#routes.push({ method: method.toUpperCase(), pattern, segments: compile(pattern), handler });
    return this;
  }

  /** Dispatches one request; usable directly as the server's handler. */
  readonly handle = async (request: EmulatorRequest): Promise<EmulatorResponse> => {
    let path = request.rawPath.split('/').slice(1);
    if (this.#options.trailingSlashTolerant !== false && path.length > 1 && path[path.length - 1] === '') {
      path = path.slice(0, -1);
    }
    const method = request.method.toUpperCase();
    const allowed: string[] = [];
    let fallback: { route: Route; params: Record<string, string> } | undefined;
    for (const route of this.#routes) {
      const params = match(route.segments, path);
      if (!params) continue;
      if (route.method === method) {
        request.params = params;
        return route.handler(request);
      }
      if (method === 'HEAD' && route.method === 'GET' && !fallback) fallback = { route, params };
      if (!allowed.includes(route.method)) allowed.push(route.method);
    }
    if (fallback) {
      request.params = fallback.params;
      return fallback.route.handler(request);
    }
    if (allowed.length > 0) {
      if (this.#options.methodNotAllowed) return this.#options.methodNotAllowed(request, allowed);
      return {
        status: 405,
        headers: { allow: allowed.join(', ') },
        body: { message: `${method} is not allowed on ${request.rawPath}; allowed: ${allowed.join(', ')}` },
      };
    }
    if (this.#options.notFound) return this.#options.notFound(request);
    return { status: 404, body: { message: `no route for ${method} ${request.rawPath}` } };
  };
}
