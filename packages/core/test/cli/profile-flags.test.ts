import { describe, expect, it } from 'vitest';
import { profileFlags, secretFlagValues } from '../../src/cli/index.js';

const spec = {
  fields: {
    url: { description: 'URL', flag: 'thing-url', char: 'U' },
    account: { description: 'Account', flag: 'thing-account', char: 'a' },
    pin: { description: 'PIN', flag: 'thing-pin', char: 'P', secret: true },
    region: { description: 'Region', flag: 'thing-region' },
  },
};

describe('profileFlags', () => {
  it("carries a settings field's short flag to the derived flag", () => {
    const flags = profileFlags(spec);
    expect(flags['thing-url']?.char).toBe('U');
    expect(flags['thing-account']?.char).toBe('a');
    expect(flags['thing-region']?.char).toBeUndefined();
  });

  it('refuses a short flag that is not one letter, naming the field', () => {
    expect(() => profileFlags({ fields: { url: { description: 'URL', flag: 'u', char: 'ur' } } })).toThrow(
      /url.*one letter/,
    );
  });

  it("collects a secret field's value given with its short flag, so errors can mask it", () => {
    profileFlags(spec);
    expect(secretFlagValues(['-P', '4321', '-a', 'me'])).toEqual(['4321']);
    expect(secretFlagValues(['-P4321'])).toEqual(['4321']);
    expect(secretFlagValues(['--', '-P', '4321'])).toEqual([]);
  });
});
