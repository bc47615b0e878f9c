import { maskSecrets, redactHeaders, redactUrl } from '../errors/redact.js';
import type { LogEvent, Logger } from './types.js';

/**
 * Hands events to the user's logger only after redaction: credential headers and query parameters are
 * replaced, and every literal secret the auth strategy holds is masked wherever it appears (a token
 * echoed in a custom header or an error text included).
 */
export class RedactingLog {
  readonly #logger: Logger | undefined;
  readonly #secrets: () => readonly string[];

  constructor(logger: Logger | undefined, secrets: () => readonly string[]) {
    this.#logger = logger;
    this.#secrets = secrets;
  }

  get enabled(): boolean {
    return this.#logger !== undefined;
  }

  emit(event: LogEvent, headers?: Headers): void {
    if (!this.#logger) return;
    const secrets = this.#secrets();
    const safe: LogEvent = { ...event, url: maskSecrets(redactUrl(event.url), secrets) };
    if (headers) {
      const redacted = redactHeaders(headers);
      for (const name of Object.keys(redacted)) redacted[name] = maskSecrets(redacted[name] ?? '', secrets);
      safe.headers = redacted;
    }
    if (event.error !== undefined) safe.error = maskSecrets(event.error, secrets);
    this.#logger.debug(safe);
  }
}
