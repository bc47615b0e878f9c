import { describe, expect, it } from 'vitest';
import { exitCodeOfForeignExit } from '../src/entry/foreign-exit.js';

describe('exitCodeOfForeignExit', () => {
  it("reads the code of another oclif copy's ExitError by its shape", () => {
    const foreign = Object.assign(new Error('EEXIT: 6'), { code: 'EEXIT', oclif: { exit: 6 } });
    expect(exitCodeOfForeignExit(foreign)).toBe(6);
  });

  it('leaves every other error to the normal report', () => {
    expect(exitCodeOfForeignExit(new Error('boom'))).toBeUndefined();
    expect(exitCodeOfForeignExit(Object.assign(new Error('x'), { code: 'EEXIT' }))).toBeUndefined();
    expect(exitCodeOfForeignExit(Object.assign(new Error('x'), { oclif: { exit: 2 } }))).toBeUndefined();
    expect(exitCodeOfForeignExit(null)).toBeUndefined();
  });
});
