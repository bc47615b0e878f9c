import { describe, expect, it } from 'vitest';
import { etagOf, sameEtag } from '../../src/etag/index.js';

describe('etagOf', () => {
  it('returns the ETag verbatim, quotes and W/ kept', () => {
    expect(etagOf({ etag: 'W/"v7"' })).toBe('W/"v7"');
    expect(etagOf({ etag: '8d0c2fa1b3' })).toBe('8d0c2fa1b3');
    expect(etagOf('"abc"')).toBe('"abc"');
    expect(etagOf(new Headers({ ETag: 'W/"x y"' }))).toBe('W/"x y"');
  });

  it('returns undefined when there is no ETag', () => {
    expect(etagOf(undefined)).toBeUndefined();
    expect(etagOf(null)).toBeUndefined();
    expect(etagOf('')).toBeUndefined();
    expect(etagOf({})).toBeUndefined();
    expect(etagOf({ etag: '' })).toBeUndefined();
    expect(etagOf(new Headers())).toBeUndefined();
  });
});

describe('sameEtag', () => {
  it('compares strongly by default: equal opaque tags, neither weak', () => {
    expect(sameEtag('"abc"', '"abc"')).toBe(true);
    expect(sameEtag('"abc"', '"abd"')).toBe(false);
    expect(sameEtag('W/"abc"', '"abc"')).toBe(false);
    expect(sameEtag('W/"abc"', 'W/"abc"')).toBe(false);
  });

  it('compares weakly on request: W/ is ignored', () => {
    expect(sameEtag('W/"abc"', '"abc"', { weak: true })).toBe(true);
    expect(sameEtag('W/"abc"', 'W/"abc"', { weak: true })).toBe(true);
    expect(sameEtag('W/"abc"', 'W/"abd"', { weak: true })).toBe(false);
  });

  it('matches a quoted header against the unquoted body field DCI stores', () => {
    expect(sameEtag('"0f8e3f1b9c2d4a6e8b0c1d2e3f4a5b6c"', '0f8e3f1b9c2d4a6e8b0c1d2e3f4a5b6c')).toBe(true);
  });

  it('is case-sensitive and never matches a missing tag', () => {
    expect(sameEtag('"ABC"', '"abc"')).toBe(false);
    expect(sameEtag(undefined, '"abc"')).toBe(false);
    expect(sameEtag('"abc"', undefined)).toBe(false);
    expect(sameEtag('', '')).toBe(false);
  });
});
