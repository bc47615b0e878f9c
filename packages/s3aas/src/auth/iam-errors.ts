import { ApiError, AuthenticationError, BadRequestError, type HttpError } from '@nimbus-sdk/core';

/** The RFC 6749 error names Exordos IAM answers with. */
export type IamErrorName = 'invalid_client' | 'invalid_grant' | 'invalid_token' | (string & {});

/**
 * IAM refused a token request or a token: `invalid_client` (bad client credentials or OTP, 401),
 * `invalid_grant` (wrong user/password or refresh token, 400) or `invalid_token` (401).
 */
export class ExordosIamError extends AuthenticationError {
  /** The IAM `error` field. */
  readonly iamError: IamErrorName;
  constructor(
    message: string,
    options: { status: number; iamError: IamErrorName; request?: { method: string; url: string } },
  ) {
    super(message, {
      status: options.status,
      request: options.request,
      details: { error: options.iamError },
    });
    this.iamError = options.iamError;
  }
}

/**
 * No token and nothing to log in with: raised before any request, because the server would answer
 * an anonymous call with a 403 that hides the real cause.
 */
export class NotLoggedInError extends ApiError {
  constructor(
    message = 'Not logged in to Exordos IAM: run `nimbus s3aas login` or pass a username and password',
  ) {
    super('AUTHENTICATION', message);
  }
}

/** IAM answered something that is not a token (a proxy page, an old server). */
export class IamAnswerError extends BadRequestError {}

/**
 * Re-types an answer carrying an IAM body (`{"error": "invalid_token", ...}`) as an
 * {@link ExordosIamError}, for the transports' `classifyError`; other errors pass unchanged.
 */
export function classifyIamError(error: HttpError): HttpError {
  const body = error.details as { error?: unknown } | undefined;
  if (error instanceof ExordosIamError || typeof body?.error !== 'string') return error;
  if (error.status !== 400 && error.status !== 401) return error;
  return new ExordosIamError(error.message, {
    status: error.status,
    iamError: body.error,
    request: error.request,
  });
}
