import { dciError } from './errors.js';

/** Counts of one JUnit file, the shape of `GET /jobs/<id>/results` entries. */
export interface JunitSummary {
  name: string;
  total: number;
  failures: number;
  errors: number;
  skips: number;
  success: number;
  time: number;
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;

/**
 * Reads a JUnit XML report: checks tags are balanced (else 400 `Invalid XML: ...`, as the server),
 * then counts testcases and their failure/error/skipped children.
 */
export function summariseJunit(xml: string, name: string): JunitSummary {
  const text = xml
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?]]>/g, '');
  const stack: string[] = [];
  const summary: JunitSummary = { name, total: 0, failures: 0, errors: 0, skips: 0, success: 0, time: 0 };
  let current: { failed: boolean } | undefined;
  let roots = 0;
  for (const match of text.matchAll(TAG)) {
    const [, closing, tag = '', attributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== tag) throw dciError(400, `Invalid XML: mismatched tag </${tag}>`);
      if (tag === 'testcase') current = undefined;
      continue;
    }
    if (stack.length === 0) roots++;
    if (tag === 'testcase') {
      summary.total++;
      const time = /\btime="([\d.]+)"/.exec(attributes);
      if (time) summary.time += Number(time[1]);
      current = { failed: false };
    } else if (current && !current.failed && (tag === 'failure' || tag === 'error' || tag === 'skipped')) {
      current.failed = true;
      if (tag === 'failure') summary.failures++;
      else if (tag === 'error') summary.errors++;
      else summary.skips++;
    }
    if (!selfClosing) stack.push(tag);
    else if (tag === 'testcase') current = undefined;
  }
  if (stack.length > 0) throw dciError(400, `Invalid XML: unclosed tag <${stack[stack.length - 1]}>`);
  if (roots !== 1) throw dciError(400, 'Invalid XML: expected exactly one root element');
  summary.success = summary.total - summary.failures - summary.errors - summary.skips;
  summary.time = Math.round(summary.time * 1000);
  return summary;
}
