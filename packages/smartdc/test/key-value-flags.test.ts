import { isApiError } from '@nimbus-sdk/core';
import { describe, expect, it } from 'vitest';
import { parsePairs } from '../src/cli/machine-ref.js';

describe('key=value flags (tags, metadata)', () => {
  it.each(['__proto__=x', 'constructor=x', 'prototype=x'])('%s is refused naming the flag', (pair) => {
    const error = (() => {
      try {
        parsePairs([pair], 'tag');
      } catch (caught) {
        return caught;
      }
    })();
    expect(isApiError(error) && error.code).toBe('VALIDATION');
    expect((error as Error).message).toContain('tag');
  });

  it('keeps ordinary pairs in a null-prototype record', () => {
    const pairs = parsePairs(['role=web', 'a=b=c'], 'tag');
    expect(pairs).toEqual({ role: 'web', a: 'b=c' });
    expect(Object.getPrototypeOf(pairs)).toBeNull();
  });
});
