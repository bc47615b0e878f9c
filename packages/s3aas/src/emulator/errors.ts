import { EmulatorHttpError } from '@nimbus-sdk/core/testing';

/** restalchemy's error body: `{type, code, message}`; `code` is the status for its own exceptions. */
export function restError(
  status: number,
  type: string,
  message: string,
  code: number = status,
): EmulatorHttpError {
  return new EmulatorHttpError(status, { type, code, message });
}

/** gcl_iam's errors carry no code of their own, so the API answers the generic 10000001. */
export const GENERIC_CODE = 10_000_001;

/** A missing permission (or no token at all): 403 PolicyNotAuthorized. */
export function policyNotAuthorized(rule: string): EmulatorHttpError {
  return restError(403, 'PolicyNotAuthorized', `Policy rule ${rule} is disallowed.`, GENERIC_CODE);
}

/** An IAM (RFC 6749) error: `{error, error_description}`. */
export function iamError(status: number, error: string, description: string): EmulatorHttpError {
  const headers: Record<string, string> =
    status === 400 && error === 'invalid_grant' ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
  return new EmulatorHttpError(status, { error, error_description: description }, headers);
}
