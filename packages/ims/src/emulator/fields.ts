import { unprocessable } from './errors.js';

/** One field of a marshmallow schema, as far as the emulator needs it. */
export type FieldSpec =
  | { kind: 'string'; required?: boolean; minLength?: number; choices?: readonly string[] }
  | { kind: 'boolean'; required?: boolean }
  | { kind: 'integer'; required?: boolean }
  | { kind: 'uuid'; required?: boolean }
  | { kind: 'link'; required?: boolean }
  | { kind: 'string-map'; required?: boolean }
  | { kind: 'key-values'; required?: boolean }
  | { kind: 'any'; required?: boolean };

/** A schema: field name → spec. Unknown fields are refused (`unknown=RAISE`). */
export type FieldSchema = Readonly<Record<string, FieldSpec>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks `input` as IMS's marshmallow schemas do and throws the 422 problem with marshmallow's
 * field map (`{"field": ["message"]}`) when anything is wrong.
 */
export function checkFields(input: Record<string, unknown>, schema: FieldSchema): void {
  const errors: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(input)) {
    const spec = schema[name];
    if (!spec) {
      errors[name] = ['Unknown field.'];
      continue;
    }
    const problem = fieldProblem(value, spec);
    if (problem !== undefined) errors[name] = problem;
  }
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.required && !(name in input)) errors[name] = ['Missing data for required field.'];
  }
  if (Object.keys(errors).length > 0) throw unprocessable(errors);
}

function fieldProblem(value: unknown, spec: FieldSpec): unknown {
  if (value === null) return spec.kind === 'link' ? undefined : ['Field may not be null.'];
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') return ['Not a valid string.'];
      if (spec.minLength !== undefined && value.length < spec.minLength) {
        return [`Length must be at least ${spec.minLength}.`];
      }
      if (spec.choices && !spec.choices.includes(value))
        return [`Must be one of: ${spec.choices.join(', ')}.`];
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : ['Not a valid boolean.'];
    case 'integer':
      return Number.isInteger(value) ? undefined : ['Not a valid integer.'];
    case 'uuid':
      return typeof value === 'string' && UUID.test(value) ? undefined : ['Not a valid UUID.'];
    case 'link':
      return linkProblem(value);
    case 'string-map':
      if (typeof value !== 'object' || Array.isArray(value)) return ['Not a valid mapping type.'];
      return Object.values(value as object).every((v) => typeof v === 'string')
        ? undefined
        : ['Not a valid string.'];
    case 'key-values':
      if (!Array.isArray(value)) return ['Not a valid list.'];
      return value.every(
        (entry) =>
          entry &&
          typeof entry === 'object' &&
          typeof (entry as { key?: unknown }).key === 'string' &&
          typeof (entry as { value?: unknown }).value === 'string' &&
          Object.keys(entry).every((k) => k === 'key' || k === 'value'),
      )
        ? undefined
        : ['Each entry must be an object with string key and value.'];
    default:
      return undefined;
  }
}

function linkProblem(value: unknown): unknown {
  if (typeof value !== 'object' || Array.isArray(value)) return { _schema: ['Invalid input type.'] };
  const link = value as Record<string, unknown>;
  const errors: Record<string, string[]> = {};
  for (const key of Object.keys(link)) {
    if (!['path', 'type', 'etag'].includes(key)) errors[key] = ['Unknown field.'];
  }
  if (!('path' in link)) errors.path = ['Missing data for required field.'];
  else if (typeof link.path !== 'string' || link.path === '') errors.path = ['Length must be at least 1.'];
  if (!('type' in link)) errors.type = ['Missing data for required field.'];
  else if (link.type !== 's3') errors.type = ['Must be one of: s3.'];
  if ('etag' in link && typeof link.etag !== 'string') errors.etag = ['Not a valid string.'];
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A link with its default etag, as IMS stores it. */
export function storedLink(value: unknown): { path: string; type: string; etag: string } | null {
  if (value === null || value === undefined) return null;
  const link = value as { path: string; type: string; etag?: string };
  return { path: link.path, type: link.type, etag: link.etag ?? '' };
}
