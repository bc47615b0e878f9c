import { Errors } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import { errorJson, errorLine } from '../../src/cli/index.js';
import { NotFoundError, ValidationError } from '../../src/index.js';

describe('errorJson', () => {
  it('gives code, message, status and redacted details for nimbus errors', () => {
    const error = new NotFoundError('HTTP 404: no job j1', {
      status: 404,
      details: { message: 'no job j1', token: 'abcd-secret' },
      requestId: 'r1',
    });
    expect(errorJson(error)).toEqual({
      error: {
        code: 'NOT_FOUND',
        message: 'HTTP 404: no job j1',
        status: 404,
        details: { message: 'no job j1', token: '[REDACTED]' },
      },
    });
  });

  it('masks known secret values in the message and details', () => {
    const error = new ValidationError('key sk-live-123456 rejected', [
      { path: 'k', message: 'sk-live-123456 bad' },
    ]);
    const json = JSON.stringify(errorJson(error, ['sk-live-123456']));
    expect(json).not.toContain('sk-live-123456');
    expect(json).toContain('[REDACTED]');
  });

  it('marks oclif usage errors as USAGE and other errors as ERROR', () => {
    expect(errorJson(new Errors.CLIError('Missing 1 required arg:\nname'))).toEqual({
      error: { code: 'USAGE', message: 'Missing 1 required arg: name' },
    });
    expect(errorJson(new Error('disk full'))).toEqual({ error: { code: 'ERROR', message: 'disk full' } });
  });
});

describe('errorLine', () => {
  it('is one line, prefixed, with secrets masked', () => {
    const line = errorLine(new Error('first\nsecond token=tok-999999'), ['tok-999999']);
    expect(line).toBe('Error: first second token=[REDACTED]');
    expect(line).not.toContain('\n');
  });
});
