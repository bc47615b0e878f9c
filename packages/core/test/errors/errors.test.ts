import { describe, expect, it } from 'vitest';
import {
  ApiError,
  errorFromResponse,
  isApiError,
  NotFoundError,
  PreconditionFailedError,
  RateLimitedError,
  ServerError,
  ValidationError,
} from '../../src/errors/index.js';
import { REDACTED, redactHeaders, redactUrl, redactValue } from '../../src/errors/redact.js';

describe('ApiError', () => {
  it('is recognised across copies of core by its global brand, not by instanceof', () => {
    const foreign = Object.assign(Object.create(Error.prototype), {
      [Symbol.for('@nimbus-sdk/core/ApiError')]: true,
    });
    expect(isApiError(foreign)).toBe(true);
    expect(isApiError(new Error('plain'))).toBe(false);
    expect(isApiError(null)).toBe(false);
    expect(isApiError(new ValidationError('bad'))).toBe(true);
  });

  it('redacts credentials in details when serialised', () => {
    const error = new ApiError('BAD_REQUEST', 'nope', {
      status: 400,
      details: { client_secret: 'hunter2-secret', nested: [{ password: 'pw-value' }], name: 'ok' },
    });
    const json = JSON.stringify(error);
    expect(json).not.toContain('hunter2-secret');
    expect(json).not.toContain('pw-value');
    expect(JSON.parse(json)).toMatchObject({ code: 'BAD_REQUEST', status: 400, details: { name: 'ok' } });
  });
});

describe('errorFromResponse', () => {
  const request = { method: 'GET', url: 'http://127.0.0.1/x' };

  it.each([
    [401, 'AUTHENTICATION'],
    [403, 'PERMISSION'],
    [404, 'NOT_FOUND'],
    [409, 'CONFLICT'],
    [412, 'PRECONDITION_FAILED'],
    [413, 'PAYLOAD_TOO_LARGE'],
    [429, 'RATE_LIMITED'],
    [400, 'BAD_REQUEST'],
    [503, 'SERVER'],
  ])('maps %i to %s', (status, code) => {
    expect(errorFromResponse({ status, body: {}, request }).code).toBe(code);
  });

  it('uses the provider parser for the message and keeps the body as details', () => {
    const error = errorFromResponse({
      status: 412,
      body: { status_code: 412, message: 'etag mismatch', payload: {} },
      request,
      requestId: 'req-1',
    });
    expect(error).toBeInstanceOf(PreconditionFailedError);
    expect(error.message).toBe('HTTP 412: etag mismatch (GET http://127.0.0.1/x)');
    expect(error.requestId).toBe('req-1');
    expect(error.details).toEqual({ status_code: 412, message: 'etag mismatch', payload: {} });
  });

  it('marks throttling and transient server errors retryable, others not', () => {
    const limited = errorFromResponse({ status: 429, body: '', retryAfterMs: 2000 });
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect((limited as RateLimitedError).retryAfterMs).toBe(2000);
    expect(limited.retryable).toBe(true);
    expect(errorFromResponse({ status: 503, body: '' })).toBeInstanceOf(ServerError);
    expect(errorFromResponse({ status: 503, body: '' }).retryable).toBe(true);
    expect(errorFromResponse({ status: 501, body: '' }).retryable).toBe(false);
    expect(errorFromResponse({ status: 404, body: 'gone' })).toBeInstanceOf(NotFoundError);
    expect(errorFromResponse({ status: 404, body: 'gone' }).retryable).toBe(false);
  });
});

describe('redaction', () => {
  it('masks credential headers, query parameters, userinfo and known secret strings', () => {
    expect(redactHeaders({ Authorization: 'Bearer abc', Accept: 'json' })).toEqual({
      Authorization: REDACTED,
      Accept: 'json',
    });
    const url = redactUrl('https://user:pw@example.test/o?X-Amz-Signature=deadbeef&list=1');
    expect(url).not.toContain('deadbeef');
    expect(url).not.toContain(':pw@');
    expect(url).toContain('list=1');
    expect(redactValue({ note: 'my key is s3cr3t-value' }, ['s3cr3t-value'])).toEqual({
      note: `my key is ${REDACTED}`,
    });
  });
});
