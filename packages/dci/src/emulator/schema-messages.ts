import type { z } from 'zod';

/** The message of the `object` field schema, reworded with the offending value. */
export const OBJECT_MESSAGE = 'is not of type object';

const PYTHON_TYPES: Record<string, string> = {
  string: 'string',
  number: 'number',
  int: 'integer',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  record: 'object',
};

/** A value as Python's `repr` prints it, which is how jsonschema quotes values in its messages. */
export function pythonRepr(value: unknown): string {
  if (value === undefined || value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return `{${entries.map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** One zod issue worded as python-jsonschema words the same violation. */
function jsonschemaMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `${pythonRepr(String(issue.path.at(-1)))} is a required property`;
      return `${pythonRepr(input)} is not of type ${pythonRepr(PYTHON_TYPES[issue.expected] ?? issue.expected)}`;
    case 'unrecognized_keys': {
      const keys = issue.keys.map(pythonRepr).join(', ');
      return `Additional properties are not allowed (${keys} ${issue.keys.length === 1 ? 'was' : 'were'} unexpected)`;
    }
    case 'invalid_value':
      return `${pythonRepr(input)} is not one of ${pythonRepr(issue.values)}`;
    case 'invalid_format':
      return `${pythonRepr(input)} is not a ${pythonRepr(issue.format === 'guid' ? 'uuid' : issue.format)}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `${pythonRepr(input)} is too short`
        : `${pythonRepr(input)} is too small`;
    case 'custom':
      return issue.message === OBJECT_MESSAGE
        ? `${pythonRepr(input)} is not of type 'object'`
        : issue.message;
    default:
      return issue.message;
  }
}

/**
 * The `errors` list of the server's `Request malformed` answer: `<field>: <jsonschema message>`,
 * or the bare message for errors about the body itself (a missing property, an extra one).
 */
export function schemaErrors(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const message = jsonschemaMessage(issue);
    const atRoot =
      issue.code === 'unrecognized_keys' ||
      (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined);
    const path = atRoot ? issue.path.slice(0, -1) : issue.path;
    return path.length === 0 ? message : `${path.join('.')}: ${message}`;
  });
}
