import { describe, expect, it } from 'vitest';
import { formatProgressJsonLine, ProgressMeter, type TransferProgress } from '../../src/s3/index.js';

const base = {
  direction: 'upload',
  bucket: 'b',
  key: 'k',
  bytesTotal: 100 * 2 ** 20,
  partsTotal: 10,
} as const;

describe('ProgressMeter', () => {
  it('derives rate and ETA from the bytes this run moved, not from resumed ones', () => {
    let now = 1_000;
    const events: TransferProgress[] = [];
    const meter = new ProgressMeter(
      base,
      (p) => events.push(p),
      () => now,
    );
    meter.skipped(30 * 2 ** 20, 3);
    now += 2_000;
    meter.moved(20 * 2 ** 20, 2);
    expect(events.at(-1)).toEqual({
      ...base,
      bytesDone: 50 * 2 ** 20,
      partsDone: 5,
      bytesPerSecond: 10 * 2 ** 20,
      etaSeconds: 5,
      elapsedMs: 2_000,
    });
    expect(events[0]?.etaSeconds).toBeUndefined();
  });

  it('keeps going when the listener throws', () => {
    const meter = new ProgressMeter(base, () => {
      throw new Error('broken printer');
    });
    expect(() => meter.moved(1)).not.toThrow();
    expect(meter.snapshot().bytesDone).toBe(1);
  });
});

describe('formatProgressJsonLine', () => {
  it('prints one JSON object per line with rounded numbers', () => {
    const line = formatProgressJsonLine({
      ...base,
      bytesDone: 33 * 2 ** 20,
      partsDone: 3,
      bytesPerSecond: 1234.56,
      etaSeconds: 12.345,
      elapsedMs: 999.7,
    });
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trimEnd()).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      event: 'progress',
      direction: 'upload',
      bucket: 'b',
      key: 'k',
      bytesDone: 33 * 2 ** 20,
      bytesTotal: 100 * 2 ** 20,
      partsDone: 3,
      partsTotal: 10,
      percent: 33,
      bytesPerSecond: 1235,
      etaSeconds: 12.3,
      elapsedMs: 1000,
    });
  });
  it('reports an empty transfer as 100% and an unknown ETA as null', () => {
    const line = JSON.parse(
      formatProgressJsonLine({
        ...base,
        bytesTotal: 0,
        bytesDone: 0,
        partsDone: 0,
        bytesPerSecond: 0,
        etaSeconds: undefined,
        elapsedMs: 0,
      }),
    );
    expect(line.percent).toBe(100);
    expect(line.etaSeconds).toBeNull();
  });
});
