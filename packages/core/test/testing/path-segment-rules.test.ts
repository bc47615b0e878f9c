import { describe, expect, it } from 'vitest';
import { pathSegmentProblem } from '../../src/testing/index.js';

describe('pathSegmentProblem', () => {
  it('names what is wrong with names a path segment cannot carry', () => {
    expect(pathSegmentProblem('')).toBe('is empty');
    expect(pathSegmentProblem('.')).toBe('is "." or ".."');
    expect(pathSegmentProblem('..')).toBe('is "." or ".."');
    expect(pathSegmentProblem('a/b')).toBe('contains "/"');
  });
  it('accepts names that merely contain dots', () => {
    for (const name of ['...', '.env', 'a..b', 'v1.2', 'x']) expect(pathSegmentProblem(name)).toBeUndefined();
  });
});
