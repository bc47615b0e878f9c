import { describe, expect, it } from 'vitest';
import {
  errorJson,
  errorLine,
  escapeControls,
  renderTable,
  startProgressBar,
  startSpinner,
} from '../../src/cli/index.js';
import { NotFoundError } from '../../src/index.js';

const HOSTILE = 'job\x1b[2J\x1b[31mred\x07\x9b31m\x7f\u202eevil\r\nnext\tcol';
// Any byte a terminal acts on: C0 controls, DEL, C1 controls, and the bidi overrides that reorder text.
const ACTS_ON_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('control characters in human output', () => {
  it('escapeControls makes every control character visible and leaves other text alone', () => {
    expect(escapeControls('plain ünïcode ✓')).toBe('plain ünïcode ✓');
    expect(escapeControls(HOSTILE)).toBe(
      'job\\u001b[2J\\u001b[31mred\\u0007\\u009b31m\\u007f\\u202eevil\\r\\nnext\\tcol',
    );
    expect(escapeControls(HOSTILE)).not.toMatch(ACTS_ON_TERMINAL);
  });

  it('table cells and headers are escaped (a job name cannot clear the screen)', () => {
    const table = renderTable([{ name: HOSTILE, id: 'a' }], { columns: ['id', 'name'] });
    for (const line of table.split('\n')) expect(line).not.toMatch(ACTS_ON_TERMINAL);
    expect(table).toContain('job\\u001b[2J');
    expect(table.split('\n')).toHaveLength(3);
  });

  it('error lines that echo a server message are escaped', () => {
    const line = errorLine(new NotFoundError(`job ${HOSTILE} not found`, { status: 404 }));
    expect(line).not.toMatch(ACTS_ON_TERMINAL);
    expect(line).toContain('\\u001b[2J');
  });

  it('the JSON form of the same error stays exact', () => {
    const message = `job ${HOSTILE} not found`;
    expect(errorJson(new NotFoundError(message, { status: 404 })).error.message).toBe(message);
  });

  it('spinner and progress labels are escaped (the control codes they draw with stay)', () => {
    const written: string[] = [];
    const stream = { isTTY: true, columns: 80, write: (text: string) => written.push(text) };
    const spinner = startSpinner(`wait ${HOSTILE}`, stream, 1_000_000);
    spinner.update('\x1b]0;title\x07');
    spinner.stop('done');
    const bar = startProgressBar({ label: `up ${HOSTILE}`, total: 10, stream });
    bar.update(5);
    bar.stop();
    for (const text of written) {
      // Only the renderer's own "\r\x1b[2K" line reset may remain.
      expect(text.replace(/^\r\x1b\[2K/, '').replace(/\n$/, '')).not.toMatch(ACTS_ON_TERMINAL);
    }
  });
});
