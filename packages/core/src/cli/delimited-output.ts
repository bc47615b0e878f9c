/** One cell of CSV/TSV output: objects as JSON, null as empty. */
function cell(value: unknown, separator: string): string {
  const text =
    value === null || value === undefined
      ? ''
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  if (separator === '\t') return text.replace(/[\t\n]/g, ' ');
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV (`,`) or TSV (`\t`), with a header line unless `header` is false. */
export function toDelimited(
  items: readonly Record<string, unknown>[],
  columns: readonly string[],
  separator: ',' | '\t',
  header: boolean,
): string {
  const lines = items.map((item) => columns.map((column) => cell(item[column], separator)).join(separator));
  if (header) lines.unshift(columns.map((column) => cell(column, separator)).join(separator));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
