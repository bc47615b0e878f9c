import { isApiError } from '@nimbus-sdk/core';
import { describe, expect, it } from 'vitest';
import { bodyFromFlags } from '../src/cli/body-flags.js';

const FIELDS = {
  data: { kind: 'json', description: 'data' },
  name: { kind: 'string', description: 'name' },
} as const;

describe('body flags from untrusted command-line JSON', () => {
  it.each(['{"__proto__": {"admin": true}}', '{"x": {"constructor": {"prototype": {"admin": true}}}}'])(
    '--data %s is a usage error naming the flag, and pollutes nothing',
    (data) => {
      const error = (() => {
        try {
          bodyFromFlags(FIELDS, { data });
        } catch (caught) {
          return caught;
        }
      })();
      expect(isApiError(error) && error.code).toBe('VALIDATION');
      expect((error as Error).message).toContain('--data');
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    },
  );

  it('builds a body whose prototype cannot be reached through its keys', () => {
    const body = bodyFromFlags(FIELDS, { data: '{"a": 1}', name: 'n' });
    expect(body).toEqual({ data: { a: 1 }, name: 'n' });
    expect(Object.getPrototypeOf(body)).toBeNull();
  });
});

describe('SDK inputs with prototype keys', () => {
  it('a create whose data holds __proto__ (parsed JSON) is refused before any request', async () => {
    const { startFixture } = await import('./emulator-fixture.js');
    const fixture = await startFixture();
    try {
      fixture.requests.length = 0;
      const data = JSON.parse('{"__proto__": {"admin": true}}') as Record<string, unknown>;
      const error = await fixture.admin.components
        .create({ name: 'c', type: 'compose', topic_id: fixture.emulator.seed.topic, data } as never)
        .catch((caught: unknown) => caught);
      expect(isApiError(error) && error.code).toBe('VALIDATION');
      expect(fixture.requests).toEqual([]);
    } finally {
      await fixture.emulator.close();
    }
  });
});
