import { describe, expect, it } from 'vitest';
import { createDebugLogger, profileFlags } from '../../src/cli/index.js';

describe('createDebugLogger', () => {
  it('writes one line per event and masks secrets it was told about', () => {
    const lines: string[] = [];
    const logger = createDebugLogger({
      write: (line) => lines.push(line),
      secrets: () => ['sk-live-abcdef'],
    });
    logger.debug({
      type: 'request',
      requestId: 'r1',
      method: 'GET',
      url: 'http://127.0.0.1:1/x?key=sk-live-abcdef',
      attempt: 1,
      headers: { authorization: '[REDACTED]' },
    });
    logger.debug({
      type: 'retry',
      requestId: 'r1',
      method: 'GET',
      url: 'http://h/x',
      attempt: 2,
      status: 503,
      delayMs: 120.4,
    });
    expect(lines).toEqual([
      '[nimbus] request #1 GET http://127.0.0.1:1/x?key=[REDACTED] request-id=r1 headers={"authorization":"[REDACTED]"}\n',
      '[nimbus] retry #2 GET http://h/x 503 retry in 120ms request-id=r1\n',
    ]);
  });
});

describe('profileFlags', () => {
  it('makes one string flag per field that names a flag, mentioning its environment variables', () => {
    const flags = profileFlags({
      fields: {
        url: { description: 'Service URL', env: ['SVC_URL'], flag: 'svc-url' },
        token: { description: 'Token', flag: 'svc-token', secret: true },
        region: { description: 'Region only from profiles' },
      },
    });
    expect(Object.keys(flags)).toEqual(['svc-url', 'svc-token']);
    expect(flags['svc-url']?.description).toBe('Service URL (env SVC_URL)');
    expect(flags['svc-url']?.type).toBe('option');
    // No `env` on the flag itself: resolveSettings reads the environment to keep flags > env > profile.
    expect(flags['svc-url']?.env).toBeUndefined();
  });
});
