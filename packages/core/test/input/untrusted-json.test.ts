import { describe, expect, it } from 'vitest';
import { assertSafeKey, isApiError, nullPrototypeRecord, parseUntrustedJson } from '../../src/index.js';

describe('untrusted JSON', () => {
  it.each([
    '{"__proto__": {"polluted": 1}}',
    '{"a": {"constructor": {"prototype": {"polluted": 1}}}}',
    '[{"prototype": 1}]',
  ])('refuses %s with a ValidationError naming the key', (text) => {
    const error = (() => {
      try {
        parseUntrustedJson(text, '--data');
      } catch (caught) {
        return caught;
      }
    })();
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).toMatch(/--data.*(__proto__|constructor|prototype)/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('parses ordinary JSON exactly', () => {
    expect(parseUntrustedJson('{"a": [1, {"b": null}], "proto": "x"}', 'x')).toEqual({
      a: [1, { b: null }],
      proto: 'x',
    });
  });

  it('null-prototype records hold any key as plain data', () => {
    const record = nullPrototypeRecord<string>();
    const key = 'constructor';
    record[key] = 'c';
    expect(Object.getPrototypeOf(record)).toBeNull();
    expect(Object.keys(record)).toEqual([key]);
    expect(() => assertSafeKey('__proto__', '--tag')).toThrow(/--tag/);
    expect(assertSafeKey('role', '--tag')).toBe('role');
  });
});
