import { restError } from './errors.js';
import type { Row } from './state.js';

/**
 * How a field may be sent: `rw` on create and update; `c` on create only (403 on update);
 * `model-ro` on create, and an update that changes it is 400 ReadOnlyProperty; `ro` and `hidden`
 * never (403 FieldPermissionError).
 */
export type FieldAccess = 'rw' | 'c' | 'model-ro' | 'ro' | 'hidden';

/** A field's type, checked as restalchemy does (400 TypeError). */
export type FieldType =
  | { kind: 'uuid' }
  | { kind: 'string'; min?: number; max?: number }
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[]; nullable?: boolean }
  | { kind: 'nullable-int'; min: number; max: number }
  | { kind: 'object' }
  | { kind: 'ipv4-list' }
  | { kind: 'relationship'; resolve: (path: string) => Row | undefined };

export interface FieldRule {
  access: FieldAccess;
  type: FieldType;
  required?: boolean;
}

export type FieldRules = Record<string, FieldRule>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a uuid string. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Reads a JSON object body or answers 400 ParseError. */
export function objectBody(body: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8') || 'null');
  } catch {
    throw restError(400, 'ParseError', 'Can not parse request body: it is not JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw restError(400, 'ParseError', 'Request body must be a JSON object');
  }
  return value as Record<string, unknown>;
}

/**
 * Checks a body against the rules in the order the real server does: relationships resolve first
 * (404 LocatorNotFound), then unknown fields (400), field permissions (403), types (400).
 */
export function checkBody(
  rules: FieldRules,
  body: Record<string, unknown>,
  verb: 'create' | 'update',
  existing?: Row,
): void {
  for (const [name, value] of Object.entries(body)) {
    const rule = rules[name];
    if (rule?.type.kind === 'relationship' && typeof value === 'string' && !rule.type.resolve(value)) {
      throw restError(404, 'LocatorNotFound', `Can't locate resource by URI ${value}`);
    }
  }
  for (const name of Object.keys(body)) {
    if (!rules[name]) {
      throw restError(
        400,
        'ValidationPropertyIncompatibleError',
        `Property ${name} is not supported by the resource`,
      );
    }
  }
  for (const [name, value] of Object.entries(body)) {
    const rule = rules[name] as FieldRule;
    const forbidden =
      rule.access === 'ro' || rule.access === 'hidden' || (verb === 'update' && rule.access === 'c');
    if (forbidden) throw restError(403, 'FieldPermissionError', `Permission denied for field ${name}.`);
    const typeProblem = checkType(rule.type, value);
    if (typeProblem)
      throw restError(
        400,
        'TypeError',
        `Invalid type value '${JSON.stringify(value)}' for field ${name}: ${typeProblem}`,
      );
    if (verb === 'update' && rule.access === 'model-ro' && existing && !sameValue(existing[name], value)) {
      throw restError(400, 'ReadOnlyProperty', `Property ${name} is read only.`);
    }
  }
  if (verb === 'create') {
    for (const [name, rule] of Object.entries(rules)) {
      if (rule.required && body[name] === undefined) {
        throw restError(400, 'PropertyRequired', `Property ${name} is required.`);
      }
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function checkType(type: FieldType, value: unknown): string | undefined {
  switch (type.kind) {
    case 'uuid':
      return isUuid(value) ? undefined : 'expected a uuid';
    case 'string':
      if (typeof value !== 'string') return 'expected a string';
      if (type.min !== undefined && value.length < type.min) return `shorter than ${type.min}`;
      if (type.max !== undefined && value.length > type.max) return `longer than ${type.max}`;
      return undefined;
    case 'int':
    case 'nullable-int':
      if (value === null && type.kind === 'nullable-int') return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'expected an integer';
      return value < type.min || value > type.max ? `out of range ${type.min}..${type.max}` : undefined;
    case 'bool':
      return typeof value === 'boolean' ? undefined : 'expected a boolean';
    case 'enum':
      if (value === null && type.nullable) return undefined;
      return typeof value === 'string' && type.values.includes(value)
        ? undefined
        : `expected one of ${type.values.join(', ')}`;
    case 'object':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? undefined
        : 'expected a JSON object';
    case 'ipv4-list':
      return Array.isArray(value) ? undefined : 'expected a list';
    case 'relationship':
      return typeof value === 'string' ? undefined : 'expected a resource path';
  }
}

/** A filter value from the query string, parsed with the field's type (400 when it does not parse). */
export function parseFilterValue(name: string, rule: FieldRule, raw: string): unknown {
  switch (rule.type.kind) {
    case 'bool':
      if (raw === 'true') return true;
      if (raw === 'false') return false;
      throw restError(
        400,
        'ValidationFilterIncompatibleError',
        `Filter ${name} value ${raw} is not a boolean`,
      );
    case 'int':
    case 'nullable-int': {
      const number = Number(raw);
      if (!Number.isInteger(number))
        throw restError(
          400,
          'ValidationFilterIncompatibleError',
          `Filter ${name} value ${raw} is not an integer`,
        );
      return number;
    }
    case 'uuid':
      if (!isUuid(raw)) throw restError(400, 'ParseError', `Can't parse value: ${name}=${raw}.`);
      return raw;
    default:
      return raw;
  }
}

/** The answer form of a row: hidden fields dropped, nulls omitted (the server omits them). */
export function serialize(rules: FieldRules, row: Row, fields?: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) {
    if (value === null || value === undefined) continue;
    if (rules[name]?.access === 'hidden') continue;
    if (fields && fields.length > 0 && !fields.includes(name)) continue;
    out[name] = value;
  }
  return out;
}
