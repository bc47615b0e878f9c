import { describe, expect, it } from 'vitest';
import { isApiError, joinPath, pathSegment, ValidationError } from '../../src/index.js';

describe('joinPath', () => {
  it('percent-encodes named values and keeps literal segments', () => {
    expect(joinPath('machines', { id: 'a b' }, 'tags', { key: 'k%y' })).toBe('/machines/a%20b/tags/k%25y');
    expect(joinPath({ account: 'me' })).toBe('/me');
    expect(joinPath('/components', { id: 'x' }, 'files')).toBe('/components/x/files');
  });

  it.each([
    ['.', 'a dot segment'],
    ['..', 'a dot-dot segment'],
    ['', 'an empty segment'],
    ['a/b', 'a slash'],
    ['/', 'a slash'],
    ['../x', 'a slash'],
  ])('refuses %j (%s), naming the parameter', (bad) => {
    let caught: unknown;
    try {
      joinPath('machines', { machineId: 'm1' }, 'tags', { key: bad });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect(isApiError(caught) && caught.code).toBe('VALIDATION');
    expect((caught as ValidationError).message).toContain('key');
    expect((caught as ValidationError).issues[0]?.path).toBe('key');
  });

  it('refuses a value that is not a string', () => {
    expect(() => joinPath({ id: 42 as unknown as string })).toThrow(ValidationError);
  });

  it('keeps dots that are not a whole segment and encodes backslashes', () => {
    expect(joinPath({ name: '...' })).toBe('/...');
    expect(joinPath({ name: 'a.b' })).toBe('/a.b');
    expect(joinPath({ name: '..\\x' })).toBe('/..%5Cx');
    expect(pathSegment('name', '%2e%2e')).toBe('%252e%252e');
  });
});
