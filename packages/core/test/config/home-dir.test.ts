import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { homeDirectory, nimbusConfigDir } from '../../src/provider/index.js';

const savedHome = process.env.HOME;
afterEach(() => {
  process.env.HOME = savedHome;
});

describe('homeDirectory', () => {
  it('follows a HOME changed in process.env, which os.homedir() does not see in every context', () => {
    process.env.HOME = '/tmp/somebody-else';
    expect(homeDirectory()).toBe('/tmp/somebody-else');
    expect(nimbusConfigDir({ HOME: '/tmp/somebody-else' })).toBe(
      join('/tmp/somebody-else', '.config', 'nimbus'),
    );
  });

  it("falls back to the account's home when HOME is unset or empty", () => {
    expect(homeDirectory({})).toBe(homedir());
    expect(homeDirectory({ HOME: '' })).toBe(homedir());
  });
});
