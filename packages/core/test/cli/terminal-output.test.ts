import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  parseDuration,
  renderProgress,
  startProgressBar,
  startSpinner,
} from '../../src/cli/index.js';

function recorder(isTTY: boolean) {
  const writes: string[] = [];
  return { stream: { isTTY, columns: 80, write: (text: string) => writes.push(text) }, writes };
}

describe('startSpinner', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    const { stream, writes } = recorder(false);
    const spinner = startSpinner('Waiting', stream);
    spinner.update('provisioning');
    spinner.stop('done');
    expect(writes).toEqual([]);
  });

  it('draws on a terminal and ends with one plain outcome line', () => {
    const { stream, writes } = recorder(true);
    const spinner = startSpinner('Waiting for m1', stream, 60_000);
    spinner.update('provisioning');
    spinner.stop('done');
    expect(writes[0]).toContain('Waiting for m1');
    expect(writes.at(-1)).toBe('\r\x1b[2KWaiting for m1: done\n');
  });
});

describe('startProgressBar', () => {
  it('writes nothing when piped', () => {
    const { stream, writes } = recorder(false);
    const bar = startProgressBar({ label: 'upload', total: 100, stream });
    bar.tick(50);
    bar.stop();
    expect(writes).toEqual([]);
  });

  it('throttles redraws by the injected clock and always draws the final state', () => {
    const { stream, writes } = recorder(true);
    let now = 0;
    const bar = startProgressBar({ label: 'up', total: 1000, stream, redrawMs: 100, now: () => now });
    bar.tick(100);
    bar.tick(100);
    now = 150;
    bar.tick(300);
    bar.stop();
    expect(writes).toHaveLength(4);
    expect(writes[1]).toContain(' 50%');
    expect(writes[2]).toContain(' 50%');
    expect(writes[3]).toBe('\n');
  });
});

describe('renderProgress / formatBytes', () => {
  it('shows percent and binary units, or bytes only without a total', () => {
    expect(renderProgress('f', 512, 1024, 80)).toMatch(/^f \[#+\.+\] {2}50% 512 B\/1\.0 KiB$/);
    expect(renderProgress('f', 3 * 1024 * 1024, undefined, 80)).toBe('f 3.0 MiB');
    expect(formatBytes(1536)).toBe('1.5 KiB');
  });
});

describe('parseDuration', () => {
  it.each([
    ['45', 45_000],
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
  ])('%s → %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it('says what it accepts when the text is not a duration', () => {
    expect(() => parseDuration('ten minutes')).toThrow(/use e.g. 90s, 10m/);
    expect(() => parseDuration('10x')).toThrow(/not a duration/);
  });
});
