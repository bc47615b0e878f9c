import { nullPrototypeRecord, parseUntrustedJson, ValidationError } from '@nimbus-sdk/core';
import * as Flags from '@oclif/core/flags';
import type { BooleanFlag, OptionFlag } from '@oclif/core/interfaces';

/** How one body field is given on the command line. */
export interface BodyField {
  kind: 'string' | 'list' | 'boolean' | 'json';
  description: string;
  /** Required on create (update makes every field optional). */
  required?: boolean;
}

/** Body fields by flag name (`product-id` fills `product_id`). */
export type BodyFields = Readonly<Record<string, BodyField>>;

type AnyFlag = OptionFlag<string | undefined> | BooleanFlag<unknown>;

/** The oclif flags of `fields`; `forCreate` keeps `required`. */
export function bodyFlags(fields: BodyFields, forCreate: boolean): Record<string, AnyFlag> {
  const flags: Record<string, AnyFlag> = {};
  for (const [name, field] of Object.entries(fields)) {
    const required = forCreate && field.required === true;
    if (field.kind === 'boolean') {
      flags[name] = Flags.boolean({ description: field.description, allowNo: true });
    } else {
      const hint =
        field.kind === 'list' ? ' (comma-separated)' : field.kind === 'json' ? ' (JSON object)' : '';
      flags[name] = Flags.string({ description: `${field.description}${hint}`, required });
    }
  }
  return flags;
}

/** The request body from parsed flags; bad JSON is a usage error naming the flag. */
export function bodyFromFlags(
  fields: BodyFields,
  flags: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  // The body is sent as typed, so nothing a user writes can reach a prototype on the way.
  const body = nullPrototypeRecord();
  for (const [name, field] of Object.entries(fields)) {
    const value = flags[name];
    if (value === undefined) continue;
    const key = name.replaceAll('-', '_');
    if (field.kind === 'list') {
      body[key] = String(value)
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
    } else if (field.kind === 'json') {
      try {
        body[key] = parseUntrustedJson(String(value), `--${name}`);
      } catch (error) {
        if ((error as ValidationError).issues?.[0]?.message !== 'not valid JSON') throw error;
        throw new ValidationError(`--${name} must be a JSON object, e.g. --${name} '{"key": "value"}'`, [
          { path: name, message: 'not valid JSON' },
        ]);
      }
    } else {
      body[key] = value;
    }
  }
  return body;
}
