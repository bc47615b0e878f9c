import { STATUS_CODES } from 'node:http';
import { EmulatorHttpError } from '@nimbus-sdk/core/testing';

/** The fixed `detail` texts of IMS's problem answers. */
export const PROBLEM_DETAILS = {
  noInput:
    'No input provided. Determine the specific information that is missing or invalid and then re-run the request with valid information.',
  notFound: 'Requested resource does not exist. Re-run request with valid ID.',
  conflict:
    'Requested resource exists, but cannot be patched due to a patch conflict. Verify the request and try again.',
  unprocessable:
    'Input data was understood, but failed validation. Re-run request with valid input values for the fields indicated in the response.',
} as const;

/**
 * An RFC 7807 answer as IMS writes it through httpproblem: `{status, title, detail}` with the HTTP
 * reason as title, `errors` added on 422 (and some 500s), no `type` or `instance`.
 */
export function problem(status: number, detail: string, errors?: unknown): EmulatorHttpError {
  const body: Record<string, unknown> = { detail, status, title: STATUS_CODES[status] ?? 'Error' };
  if (errors !== undefined) body.errors = errors;
  return new EmulatorHttpError(status, body, { 'content-type': 'application/problem+json' });
}

/** 404 with IMS's fixed detail. */
export function notFound(): EmulatorHttpError {
  return problem(404, PROBLEM_DETAILS.notFound);
}

/** 422 for field errors (marshmallow's map) or a semantic failure (`[]` and a specific detail). */
export function unprocessable(
  errors: unknown = [],
  detail: string = PROBLEM_DETAILS.unprocessable,
): EmulatorHttpError {
  return problem(422, detail, errors);
}
