import { dciError } from './errors.js';
import { likeMatches } from './like-pattern.js';

/** A predicate over a job answer (relations embedded), compiled from an analytics query. */
export type JobTest = (job: Record<string, unknown>) => boolean;

type Token = { kind: 'word' | 'string' | 'op' | 'punct'; text: string };

const OPERATORS = ['<=', '>=', '!=', '=~', '=', '<', '>'];

function parseError(query: string, why: string) {
  return dciError(400, `error while parsing the query ${query}: ${why}`);
}

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < query.length) {
    const char = query[at] as string;
    if (/\s/.test(char)) {
      at++;
    } else if ('()[],'.includes(char)) {
      tokens.push({ kind: 'punct', text: char });
      at++;
    } else if (char === "'" || char === '"') {
      const end = query.indexOf(char, at + 1);
      if (end === -1) throw parseError(query, `unterminated string at ${at}`);
      tokens.push({ kind: 'string', text: query.slice(at + 1, end) });
      at = end + 1;
    } else {
      const op = OPERATORS.find((candidate) => query.startsWith(candidate, at));
      if (op) {
        tokens.push({ kind: 'op', text: op });
        at += op.length;
        continue;
      }
      const start = at;
      while (at < query.length && !/[\s()[\],'"=!<>]/.test(query[at] as string)) at++;
      tokens.push({ kind: 'word', text: query.slice(start, at) });
    }
  }
  return tokens;
}

/** The values at a dotted path; arrays on the way fan out (`components.type`). */
function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (path.length === 0) return Array.isArray(value) ? value : [value];
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  return Object.hasOwn(value, head) ? valuesAt((value as Record<string, unknown>)[head], rest) : [];
}

function compare(op: string, actual: unknown, expected: string): boolean {
  const text = actual === null || actual === undefined ? '' : String(actual);
  const numeric = typeof actual === 'number' && expected.trim() !== '' && !Number.isNaN(Number(expected));
  const order = numeric
    ? (actual as number) - Number(expected)
    : text < expected
      ? -1
      : text > expected
        ? 1
        : 0;
  switch (op) {
    case '=':
      return text === expected;
    case '!=':
      return text !== expected;
    case '=~':
      return likeMatches(expected, text, false, { any: '*' });
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    default:
      return order >= 0;
  }
}

/**
 * Compiles the analytics search syntax `dcictl job-search` sends, e.g.
 * `((name='x') and (tags in ['a']))`: comparisons `= != < <= > >= =~` (`*` wildcards),
 * `in` / `not_in` lists, `and`, `or` and parentheses, over dotted job fields.
 */
export function compileAnalyticsQuery(query: string): JobTest {
  const tokens = tokenize(query);
  let at = 0;
  const peek = () => tokens[at];
  const next = (): Token => {
    const token = tokens[at++];
    if (!token) throw parseError(query, 'unexpected end of query');
    return token;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text || token.kind === 'string')
      throw parseError(query, `expected "${text}", got "${token.text}"`);
  };
  const value = (): string => {
    const token = next();
    if (token.kind !== 'string' && token.kind !== 'word')
      throw parseError(query, `expected a value, got "${token.text}"`);
    return token.text;
  };
  const comparison = (): JobTest => {
    const field = next();
    if (field.kind !== 'word' || !/^[A-Za-z0-9_.]+$/.test(field.text))
      throw parseError(query, `bad field "${field.text}"`);
    const path = field.text.split('.');
    const op = next();
    if (op.kind === 'word' && (op.text === 'in' || op.text === 'not_in')) {
      expect('[');
      const list = [value()];
      while (peek()?.text === ',') {
        at++;
        list.push(value());
      }
      expect(']');
      const within = (job: Record<string, unknown>) =>
        valuesAt(job, path).some((v) => list.includes(String(v)));
      return op.text === 'in' ? within : (job) => !within(job);
    }
    if (op.kind !== 'op') throw parseError(query, `expected an operator after "${field.text}"`);
    const expected = value();
    if (op.text === '!=') return (job) => valuesAt(job, path).every((v) => compare('!=', v, expected));
    return (job) => valuesAt(job, path).some((v) => compare(op.text, v, expected));
  };
  const primary = (): JobTest => {
    if (peek()?.text === '(' && peek()?.kind === 'punct') {
      at++;
      const inner = disjunction();
      expect(')');
      return inner;
    }
    return comparison();
  };
  const conjunction = (): JobTest => {
    const parts = [primary()];
    while (peek()?.kind === 'word' && peek()?.text === 'and') {
      at++;
      parts.push(primary());
    }
    return (job) => parts.every((part) => part(job));
  };
  const disjunction = (): JobTest => {
    const parts = [conjunction()];
    while (peek()?.kind === 'word' && peek()?.text === 'or') {
      at++;
      parts.push(conjunction());
    }
    return (job) => parts.some((part) => part(job));
  };
  if (tokens.length === 0) throw parseError(query, 'empty query');
  const test = disjunction();
  if (at !== tokens.length) throw parseError(query, `unexpected "${tokens[at]?.text}"`);
  return test;
}
