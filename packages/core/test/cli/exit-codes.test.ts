import { Errors } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import { ExitCode, exitCodeFor } from '../../src/cli/index.js';
import {
  AuthenticationError,
  ConcurrencyConflictError,
  ConfigError,
  ConflictError,
  NetworkError,
  NotFoundError,
  PermissionError,
  PreconditionFailedError,
  ServerError,
  SigningError,
  TimeoutError,
  ValidationError,
  WaitTimeoutError,
} from '../../src/index.js';

describe('exitCodeFor', () => {
  it.each([
    [new ValidationError('bad'), ExitCode.usage],
    [new ConfigError('missing url'), ExitCode.usage],
    [new AuthenticationError('401', { status: 401 }), ExitCode.auth],
    [new PermissionError('403', { status: 403 }), ExitCode.auth],
    [new SigningError('no key'), ExitCode.auth],
    [new NotFoundError('404', { status: 404 }), ExitCode.notFound],
    [new ConflictError('409', { status: 409 }), ExitCode.conflict],
    [new PreconditionFailedError('412', { status: 412 }), ExitCode.conflict],
    [new ConcurrencyConflictError('lost', 3), ExitCode.conflict],
    [new TimeoutError('slow'), ExitCode.timeout],
    [new WaitTimeoutError('never running', 'provisioning', 9), ExitCode.timeout],
    [new ServerError('500', { status: 500 }), ExitCode.other],
    [new NetworkError('refused'), ExitCode.other],
    [new Error('boom'), ExitCode.other],
  ])('%s → %i', (error, code) => {
    expect(exitCodeFor(error)).toBe(code);
  });

  it('maps oclif usage errors (exit 2) to 2', () => {
    expect(exitCodeFor(new Errors.CLIError('Nonexistent flag: --x'))).toBe(ExitCode.usage);
  });

  it('keeps the documented numbers', () => {
    expect(ExitCode).toEqual({ ok: 0, other: 1, usage: 2, auth: 3, notFound: 4, conflict: 5, timeout: 6 });
  });
});
