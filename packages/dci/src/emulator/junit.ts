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

/** One `<testcase>` as the server parses it (dci-control-server `junit.py`). */
export interface JunitTestcase {
  name: string;
  classname: string;
  /** Seconds. */
  time: number;
  action: 'success' | 'failure' | 'error' | 'skipped';
  message: string | null;
  type: string | null;
  value: string;
}

/** One `<testsuite>` with its testcases, in file order. */
export interface JunitTestsuite {
  id: number;
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  success: number;
  time: number;
  testcases: JunitTestcase[];
}

/** A parsed JUnit file: the results counts and the test suites `GET /files/<id>/junit` serves. */
export interface ParsedJunit {
  summary: JunitSummary;
  testsuites: JunitTestsuite[];
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;
const OUTCOMES = new Set(['failure', 'error', 'skipped']);
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '');
}

function attribute(attributes: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  return match ? decode(match[1] ?? match[2] ?? '') : undefined;
}

function seconds(value: string | undefined): number {
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : 0;
}

/**
 * Reads a JUnit XML report: checks tags are balanced (else 400 `Invalid XML: ...`, as the server),
 * counts testcases and their failure/error/skipped children, and keeps each testsuite's testcases.
 */
export function parseJunit(xml: string, name: string): ParsedJunit {
  // CDATA keeps its text (escaped, so its `<` are not taken for tags).
  const text = xml
    .replace(/<\?[\s\S]*?\?>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<!\[CDATA\[([\s\S]*?)]]>/g, (_, inner: string) =>
      inner.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;'),
    );
  const stack: string[] = [];
  const summary: JunitSummary = { name, total: 0, failures: 0, errors: 0, skips: 0, success: 0, time: 0 };
  const testsuites: JunitTestsuite[] = [];
  let suite: JunitTestsuite | undefined;
  let testcase: JunitTestcase | undefined;
  let roots = 0;
  const endTestcase = () => {
    if (testcase && suite) {
      suite.tests++;
      suite.time += testcase.time;
      if (testcase.action === 'skipped') suite.skipped++;
      else if (testcase.action === 'error') suite.errors++;
      else if (testcase.action === 'failure') suite.failures++;
      else suite.success++;
      suite.testcases.push(testcase);
    }
    testcase = undefined;
  };
  for (const match of text.matchAll(TAG)) {
    const [whole, closing, tag = '', attributes = '', selfClosing] = match;
    if (closing) {
      const open = stack.pop();
      if (open !== tag) throw dciError(400, `Invalid XML: mismatched tag </${tag}>`);
      if (tag === 'testcase') endTestcase();
      if (tag === 'testsuite') suite = undefined;
      continue;
    }
    if (stack.length === 0) roots++;
    if (tag === 'testsuite') {
      suite = {
        id: testsuites.length,
        name: attribute(attributes, 'name') ?? '',
        tests: 0,
        failures: 0,
        errors: 0,
        skipped: 0,
        success: 0,
        time: 0,
        testcases: [],
      };
      testsuites.push(suite);
    } else if (tag === 'testcase') {
      summary.total++;
      const time = seconds(attribute(attributes, 'time'));
      summary.time += time;
      testcase = {
        name: attribute(attributes, 'name') ?? '',
        classname: attribute(attributes, 'classname') ?? '',
        time,
        action: 'success',
        message: null,
        type: null,
        value: '',
      };
    } else if (testcase && OUTCOMES.has(tag)) {
      if (testcase.action === 'success') {
        if (tag === 'failure') summary.failures++;
        else if (tag === 'error') summary.errors++;
        else summary.skips++;
      }
      const start = (match.index ?? 0) + whole.length;
      const end = selfClosing ? start : text.indexOf(`</${tag}>`, start);
      testcase.action = tag as JunitTestcase['action'];
      testcase.message = attribute(attributes, 'message') ?? null;
      testcase.type = attribute(attributes, 'type') ?? null;
      testcase.value = end > start ? decode(text.slice(start, end)) : '';
    }
    if (!selfClosing) stack.push(tag);
    else if (tag === 'testcase') endTestcase();
  }
  if (stack.length > 0) throw dciError(400, `Invalid XML: unclosed tag <${stack[stack.length - 1]}>`);
  if (roots !== 1) throw dciError(400, 'Invalid XML: expected exactly one root element');
  summary.success = summary.total - summary.failures - summary.errors - summary.skips;
  summary.time = Math.round(summary.time * 1000);
  return { summary, testsuites };
}
