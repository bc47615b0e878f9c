import { describe, expect, it } from 'vitest';
import { AbortError, ValidationError } from '../../src/errors/index.js';
import { sleep } from '../../src/waiters/index.js';

describe('sleep', () => {
  it('resolves after the delay', async () => {
    await expect(sleep(5)).resolves.toBeUndefined();
  });

  it('rejects at once when the signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sleep(60_000, controller.signal)).rejects.toBeInstanceOf(AbortError);
  });

  it('rejects when the signal fires mid-sleep, keeping the reason as cause', async () => {
    const controller = new AbortController();
    const reason = new Error('stop');
    const sleeping = sleep(60_000, controller.signal);
    setTimeout(() => controller.abort(reason), 5);
    const error = await sleeping.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).cause).toBe(reason);
  });

  it('leaves no listener behind on the signal after resolving', async () => {
    const controller = new AbortController();
    await sleep(1, controller.signal);
    // Aborting afterwards must not reject anything or throw.
    expect(() => controller.abort()).not.toThrow();
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects ms = %s with a ValidationError',
    async (ms) => {
      await expect(sleep(ms)).rejects.toBeInstanceOf(ValidationError);
    },
  );
});
