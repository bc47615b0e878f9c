import { ValidationError } from '@nimbus-sdk/core';

/** Rejects an empty or non-string identifier before any request is sent. */
export function requireText(method: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(`${method}: ${field} must be a non-empty string`, [
      { path: field, message: 'required, non-empty string' },
    ]);
  }
  return value;
}

/** The instance-name rule CloudAPI applies (VMAPI "Invalid machine name"), checked locally first. */
export const MACHINE_NAME = /^[a-zA-Z0-9]([a-zA-Z0-9\-.]*[a-zA-Z0-9])?$/;

export function requireMachineName(method: string, name: string): string {
  if (name.length > 189 || !MACHINE_NAME.test(name)) {
    throw new ValidationError(
      `${method}: name "${name}" is not a valid instance name (letters, digits, '-' and '.', starting and ending with a letter or digit, at most 189 characters)`,
      [{ path: 'name', message: 'invalid instance name' }],
    );
  }
  return name;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
