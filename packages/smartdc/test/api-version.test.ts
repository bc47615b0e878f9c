import { describe, expect, it } from 'vitest';
import { negotiateApiVersion } from '../src/emulator/index.js';

describe('Accept-Version negotiation (restify 4 semantics over 7.0.0 … 9.0.0)', () => {
  it.each([
    [undefined, '9.0.0'],
    ['*', '9.0.0'],
    ['~9||~8', '9.0.0'],
    ['~8||~7', '8.0.0'],
    ['~8', '8.0.0'],
    ['~7.2', '7.2.0'],
    ['7.1.0', '7.1.0'],
    ['>=7.1 <8', '7.3.0'],
    ['^7', '7.3.0'],
    ['7.x', '7.3.0'],
    ['~6.5', undefined],
    ['>=10', undefined],
  ])('%s → %s', (range, expected) => {
    expect(negotiateApiVersion(range)).toBe(expected);
  });
});
