import { describe, expect, it } from 'vitest';
import {
  etagFor,
  ifMatchSatisfied,
  ifNoneMatchSatisfied,
  linkHeader,
  parseEtagList,
  sliceOffsetLimit,
} from '../../src/testing/index.js';

describe('ETag rules', () => {
  it('derives a quoted strong tag from content', () => {
    const tag = etagFor({ a: 1 });
    expect(tag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(etagFor({ a: 1 })).toBe(tag);
    expect(etagFor({ a: 2 })).not.toBe(tag);
    expect(etagFor('abc')).toBe(etagFor(Buffer.from('abc')));
  });

  it('parses lists, including tags containing commas', () => {
    expect(parseEtagList('"a", W/"b,c" ,"d"')).toEqual(['"a"', 'W/"b,c"', '"d"']);
    expect(parseEtagList(' * ')).toEqual(['*']);
  });

  it('evaluates If-Match with strong comparison', () => {
    expect(ifMatchSatisfied(undefined, '"1"')).toBe(true);
    expect(ifMatchSatisfied('"1"', '"1"')).toBe(true);
    expect(ifMatchSatisfied('"0", "1"', '"1"')).toBe(true);
    expect(ifMatchSatisfied('"2"', '"1"')).toBe(false);
    expect(ifMatchSatisfied('W/"1"', 'W/"1"')).toBe(false);
    expect(ifMatchSatisfied('"1"', 'W/"1"')).toBe(false);
    expect(ifMatchSatisfied('*', '"1"')).toBe(true);
    expect(ifMatchSatisfied('*', undefined)).toBe(false);
    expect(ifMatchSatisfied('"1"', undefined)).toBe(false);
  });

  it('evaluates If-None-Match with weak comparison', () => {
    expect(ifNoneMatchSatisfied(undefined, '"1"')).toBe(true);
    expect(ifNoneMatchSatisfied('"1"', '"1"')).toBe(false);
    expect(ifNoneMatchSatisfied('W/"1"', '"1"')).toBe(false);
    expect(ifNoneMatchSatisfied('"1"', 'W/"1"')).toBe(false);
    expect(ifNoneMatchSatisfied('"2"', '"1"')).toBe(true);
    expect(ifNoneMatchSatisfied('*', '"1"')).toBe(false);
    expect(ifNoneMatchSatisfied('*', undefined)).toBe(true);
    expect(ifNoneMatchSatisfied('"1"', undefined)).toBe(true);
  });
});

describe('paging answers', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('slices offset/limit pages', () => {
    expect(sliceOffsetLimit(items, 0, 2)).toEqual(['a', 'b']);
    expect(sliceOffsetLimit(items, 4, 2)).toEqual(['e']);
    expect(sliceOffsetLimit(items, 9, 2)).toEqual([]);
    expect(sliceOffsetLimit(items, 2)).toEqual(['c', 'd', 'e']);
    expect(sliceOffsetLimit(items)).toEqual(items);
    expect(sliceOffsetLimit(items, 1, 0)).toEqual([]);
  });

  it('rejects negative or fractional offsets and limits', () => {
    expect(() => sliceOffsetLimit(items, -1, 2)).toThrow(/offset/);
    expect(() => sliceOffsetLimit(items, 0, 1.5)).toThrow(/limit/);
  });

  it('writes RFC 8288 Link headers', () => {
    expect(linkHeader({ next: 'http://h/x?page=3', prev: 'http://h/x?page=1' })).toBe(
      '<http://h/x?page=1>; rel="prev", <http://h/x?page=3>; rel="next"',
    );
    expect(linkHeader({})).toBeUndefined();
  });
});
