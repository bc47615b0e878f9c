import { dciError } from './errors.js';
import { likeMatches } from './like-pattern.js';
import type { Row } from './state.js';

/** A predicate over rows, compiled from the `query` DSL. */
export type RowTest = (row: Row) => boolean;

const COMPARATORS = new Set([
  'eq',
  'ne',
  'lt',
  'le',
  'gt',
  'ge',
  'like',
  'ilike',
  'contains',
  'not_contains',
]);
const FIELD = /^[A-Za-z0-9_]+$/;
const VALUE = /^[A-Za-z0-9_\-%.:/ ]*$/;

function parseError(query: string, why: string) {
  return dciError(400, `error while parsing the query ${query}: ${why}`);
}

function compare(op: string, actual: unknown, value: string): boolean {
  if (Array.isArray(actual)) {
    const has = actual.map(String).includes(value);
    if (op === 'contains') return has;
    if (op === 'not_contains') return !has;
  }
  const text = actual === null || actual === undefined ? '' : String(actual);
  switch (op) {
    case 'eq':
      return text === value;
    case 'ne':
      return text !== value;
    case 'lt':
      return text < value;
    case 'le':
      return text <= value;
    case 'gt':
      return text > value;
    case 'ge':
      return text >= value;
    case 'like':
      return likeMatches(value, text, false);
    case 'ilike':
      return likeMatches(value, text, true);
    case 'contains':
      return text.includes(value);
    default:
      return !text.includes(value);
  }
}

/**
 * Compiles the server's query DSL: `eq|ne|lt|le|gt|ge|like|ilike|contains|not_contains(field,value)`,
 * `null(field)`, combined with `and(...)`, `or(...)`, `not(...)`.
 */
export function compileQuery(query: string, columns: readonly string[]): RowTest {
  let at = 0;
  const peek = () => query[at];
  const expect = (char: string) => {
    if (query[at] !== char) throw parseError(query, `expected "${char}" at ${at}`);
    at++;
  };
  const word = (): string => {
    const start = at;
    while (at < query.length && !'(),'.includes(query[at] as string)) at++;
    return query.slice(start, at);
  };
  const field = (): string => {
    const name = word().trim();
    if (!FIELD.test(name)) throw parseError(query, `bad field "${name}"`);
    if (!columns.includes(name)) throw parseError(query, `unknown field "${name}"`);
    return name;
  };
  const expression = (): RowTest => {
    const name = word().trim();
    expect('(');
    let test: RowTest;
    if (name === 'and' || name === 'or') {
      const parts = [expression()];
      while (peek() === ',') {
        at++;
        parts.push(expression());
      }
      test = name === 'and' ? (row) => parts.every((p) => p(row)) : (row) => parts.some((p) => p(row));
    } else if (name === 'not') {
      const inner = expression();
      test = (row) => !inner(row);
    } else if (name === 'null') {
      const column = field();
      test = (row) => row[column] === null || row[column] === undefined;
    } else if (COMPARATORS.has(name)) {
      const column = field();
      expect(',');
      const value = word();
      if (!VALUE.test(value)) throw parseError(query, `bad value "${value}"`);
      test = (row) => compare(name, row[column], value);
    } else {
      throw parseError(query, `unknown operator "${name}"`);
    }
    expect(')');
    return test;
  };
  const test = expression();
  if (at !== query.length) throw parseError(query, `unexpected "${query.slice(at)}"`);
  return test;
}
