import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors/index.js';
import { conditionHeaders, conditionsOf } from '../../src/etag/index.js';

describe('conditionsOf', () => {
  it('passes explicit conditions through', () => {
    expect(conditionsOf({ ifMatch: '"a"' })).toEqual({ ifMatch: '"a"' });
    expect(conditionsOf({ ifNoneMatch: '*' })).toEqual({ ifNoneMatch: '*' });
    expect(conditionsOf({})).toEqual({});
    expect(conditionsOf(undefined)).toBeUndefined();
  });

  it('turns an entity into If-Match on its ETag, verbatim', () => {
    const job = { id: 'j1', name: 'nightly', etag: 'W/"v3"' };
    expect(conditionsOf(job)).toEqual({ ifMatch: 'W/"v3"' });
    expect(conditionHeaders(conditionsOf(job))).toEqual({ 'If-Match': 'W/"v3"' });
  });

  it('refuses an entity without an ETag instead of sending an unguarded write', () => {
    const stale = { id: 'j1', name: 'nightly' } as { etag?: string };
    expect(() => conditionsOf(stale)).toThrow(ValidationError);
    expect(() => conditionsOf({ id: 'j1', etag: '' } as { etag?: string })).toThrow(/no etag/);
  });
});
