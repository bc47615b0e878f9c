/**
 * Characters a terminal acts on instead of printing: C0 controls (ESC starts colour, cursor and
 * title sequences; CR and LF rewrite lines), DEL, C1 controls (0x9B is a one-byte CSI), and the
 * bidirectional overrides that make text read differently from what it is.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Makes every control character of `text` visible (`\x1b` → `\u001b`, a newline → `\n`), so data
 * from a server (a job named `\e[2J...`) cannot drive the terminal it is printed on. For human
 * output only: JSON output stays exact.
 *
 * @example escapeControls('a\x1b[31mb') // 'a\\u001b[31mb'
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
