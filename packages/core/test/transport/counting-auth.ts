import type { AuthContext, AuthStrategy, SignableRequest } from '../../src/auth/types.js';

/** The secret the counting strategy "signs" with; tests assert it never leaks. */
export const TEST_SECRET = 'sEcReT-4f9a1c-never-log-me';

/**
 * A test strategy that writes a date and an attempt-dependent signature on every attempt, counts its
 * calls, and can be told to renew after a 401.
 */
export class CountingAuth implements AuthStrategy {
  readonly kind = 'counting';
  authorizeCalls = 0;
  /** The date each attempt was signed with. */
  readonly dates: string[] = [];
  unauthorizedCalls = 0;
  renew = true;
  token = 'first';

  authorize(request: SignableRequest, context: AuthContext): void {
    this.authorizeCalls++;
    const date = context.now().toISOString();
    this.dates.push(date);
    request.headers.set('x-test-date', date);
    request.headers.set('x-test-attempt', String(context.attempt));
    request.headers.set('authorization', `Test ${this.token}:${TEST_SECRET}:${date}`);
    request.headers.set('x-echo-secret', `leak ${TEST_SECRET}`);
  }

  async onUnauthorized(_context: AuthContext): Promise<boolean> {
    this.unauthorizedCalls++;
    if (!this.renew) return false;
    this.token = 'renewed';
    return true;
  }

  describe(): string {
    return 'counting test strategy';
  }

  secrets(): readonly string[] {
    return [TEST_SECRET];
  }
}

/** A clock that moves one second forward every time it is read, so each signature differs. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => Date {
  let tick = 0;
  return () => new Date(start + 1000 * tick++);
}
