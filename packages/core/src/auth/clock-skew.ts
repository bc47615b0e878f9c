import type { AuthContext, AuthRejection, AuthStrategy } from './types.js';

/** Options of {@link correctClockSkew}. */
export interface ClockSkewOptions {
  /** True when the server refused the request because of the signing time. */
  isSkewed(rejection: AuthRejection): boolean;
  /**
   * The server's current time. Default: the refusing answer's `Date` header. Services whose error
   * answers carry no trustworthy date read it elsewhere (DCI: its unauthenticated health route).
   */
  serverTime?(rejection: AuthRejection, context: AuthContext): Promise<Date | undefined> | Date | undefined;
}

/**
 * Wraps a signing strategy so that a request refused for clock skew (DCI's `signature is expired`,
 * S3's `RequestTimeTooSkewed`) shifts the signing clock to the server's time and is re-signed and
 * sent once more, through the transport's `onRejected` seam: the retry loop runs once, and later
 * calls sign with the corrected clock from the start.
 *
 * @example
 * correctClockSkew(hmacV4(options), {
 *   isSkewed: ({ error }) => error.status === 403 && error.message.includes('RequestTimeTooSkewed'),
 * })
 */
export function correctClockSkew(strategy: AuthStrategy, options: ClockSkewOptions): AuthStrategy {
  let offsetMs = 0;
  const shifted = (context: AuthContext): AuthContext =>
    offsetMs === 0 ? context : { ...context, now: () => new Date(context.now().getTime() + offsetMs) };
  const serverTime = options.serverTime ?? (({ headers }) => dateHeader(headers));
  return {
    ...strategy,
    authorize: (request, context) => strategy.authorize(request, shifted(context)),
    async onRejected(rejection, context) {
      if (await strategy.onRejected?.(rejection, shifted(context))) return true;
      if (!options.isSkewed(rejection)) return false;
      const server = await Promise.resolve(serverTime(rejection, context)).catch(() => undefined);
      if (server === undefined) return false;
      offsetMs = server.getTime() - context.now().getTime();
      return true;
    },
  };
}

function dateHeader(headers: Headers): Date | undefined {
  const value = headers.get('date');
  const date = value ? new Date(value) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}
