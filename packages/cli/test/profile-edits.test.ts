import { describe, expect, it } from 'vitest';
import { applyEdits, parseAssignments, parseRemovals } from '../src/profiles/profile-edits.js';

describe('parseAssignments', () => {
  it('splits provider.setting=value, keeping = and spaces inside the value', () => {
    expect(parseAssignments(['dci.url=https://x/?a=b', 'smartdc.account=alice smith'])).toEqual([
      { provider: 'dci', key: 'url', value: 'https://x/?a=b' },
      { provider: 'smartdc', key: 'account', value: 'alice smith' },
    ]);
  });

  it('lists every malformed entry and never echoes a value', () => {
    expect(() => parseAssignments(['dci=oops-secret-1', 'noequals', 'Dci.url=x'])).toThrow(
      'Bad --set: dci=… (expected provider.setting=value, e.g. dci.cs-url=https://…); noequals (expected ' +
        'provider.setting=value, e.g. dci.cs-url=https://…); Dci.url=… (expected provider.setting=value, e.g. dci.cs-url=https://…)',
    );
  });
});

describe('parseRemovals', () => {
  it('accepts a provider or a provider.setting', () => {
    expect(parseRemovals(['dci', 'smartdc.keyId'])).toEqual([
      { provider: 'dci' },
      { provider: 'smartdc', key: 'keyId' },
    ]);
    expect(() => parseRemovals(['dci.url=x'])).toThrow(/Bad --unset "dci.url=x"/);
  });
});

describe('applyEdits', () => {
  it('applies removals then assignments, drops emptied sections, and leaves the input untouched', () => {
    const before = { dci: { url: 'a', login: 'l' }, smartdc: { account: 'x' } };
    const after = applyEdits(
      before,
      [{ provider: 'naas', key: 'token', value: 't' }],
      [
        { provider: 'smartdc', key: 'account' },
        { provider: 'dci', key: 'login' },
      ],
    );
    expect(after).toEqual({ dci: { url: 'a' }, naas: { token: 't' } });
    expect(before).toEqual({ dci: { url: 'a', login: 'l' }, smartdc: { account: 'x' } });
  });
});

describe('prototype keys in --set', () => {
  it.each(['constructor.polluted=1', '__proto__.polluted=1', 'dci.__proto__=x', 'prototype.x=1'])(
    '%s is refused and pollutes nothing',
    (text) => {
      expect(() => applyEdits({}, parseAssignments([text]))).toThrow(/--set/);
      expect((Object as unknown as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    },
  );
});
