import { ApiError, type ApiErrorOptions } from './api-error.js';

/** Options or environment that cannot work (missing URL, unreadable key file, bad profile). */
export class ConfigError extends ApiError {
  constructor(message: string, options: ApiErrorOptions = {}) {
    super('CONFIG', message, options);
  }
}

/** One problem found in caller input, with the path of the offending field. */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** Caller input rejected before any request was sent. */
export class ValidationError extends ApiError {
  readonly issues: readonly ValidationIssue[];
  constructor(message: string, issues: readonly ValidationIssue[] = [], options: ApiErrorOptions = {}) {
    super('VALIDATION', message, { details: { issues }, ...options });
    this.issues = issues;
  }
}

/** Diagnostics about the key that signing tried to use. Never holds key material. */
export interface SigningDiagnostics {
  keyId?: string;
  fingerprint?: string;
  keyType?: string;
  source?: 'file' | 'homedir' | 'agent' | 'inline';
  /** Fingerprints that were looked at and did not match. */
  candidates?: string[];
  hint?: string;
}

/** A request could not be signed: key not found, encrypted, unsupported type, agent refused. */
export class SigningError extends ApiError {
  readonly diagnostics: SigningDiagnostics;
  constructor(message: string, diagnostics: SigningDiagnostics = {}, options: ApiErrorOptions = {}) {
    super('SIGNING', message, { details: diagnostics, ...options });
    this.diagnostics = diagnostics;
  }
}
