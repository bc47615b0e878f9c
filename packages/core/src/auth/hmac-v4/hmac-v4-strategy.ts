import { ValidationError } from '../../errors/index.js';
import type { AuthContext, AuthStrategy, SignableRequest } from '../types.js';
import { prepareHmacV4 } from './prepared-signer.js';
import { assertHmacV4Settings, type HmacV4Credentials, type HmacV4Profile } from './sign-hmac-v4.js';

/** Options of {@link hmacV4}: credentials, scope and the signer profile (AWS SigV4 by default). */
export type HmacV4Options = HmacV4Credentials & HmacV4Profile;

/**
 * HMAC-SHA256 V4 request signing, re-signed on every attempt with the context clock.
 * AWS SigV4 by default; DCI with `{ ...DCI2_SIGNING, region: 'BHS3', service: 'api' }`.
 *
 * @example
 * const auth = hmacV4({ accessKeyId, secretAccessKey, region: 'us-east-1', service: 's3',
 *   pathMode: 's3', contentSha256Header: true });
 */
export function hmacV4(options: HmacV4Options): AuthStrategy {
  assertHmacV4Settings(options);
  const settings: HmacV4Options = { ...options };
  const signer = prepareHmacV4(settings);
  return {
    kind: 'hmac-v4',
    authorize(request: SignableRequest, context: AuthContext): void {
      const { url } = request;
      if (settings.queryMode === 'dci') assertDciQuery(url);
      const headers = signer.headersFor({
        method: request.method,
        host: url.host,
        path: url.pathname,
        query: url.search.slice(1),
        headers: request.headers,
        body: request.body,
        bodySha256: request.bodySha256,
        timestamp: context.now(),
      });
      for (const name in headers) request.headers.set(name, headers[name] as string);
    },
    describe: () => `hmac-v4 ${settings.algorithm ?? 'AWS4-HMAC-SHA256'} ${settings.accessKeyId}`,
    secrets: () => [settings.secretAccessKey, ...(settings.sessionToken ? [settings.sessionToken] : [])],
  };
}

/**
 * DCI's client signs the query as a map without blank values while its server keeps blanks and the
 * first duplicate, so such a URL can never verify: refuse it before sending.
 */
function assertDciQuery(url: URL): void {
  const seen = new Set<string>();
  for (const [key, value] of url.searchParams) {
    if (value === '') {
      throw new ValidationError(
        `Query parameter "${key}" is blank; DCI rejects the signature of blank values`,
        [{ path: `query.${key}`, message: 'drop the parameter or give it a value' }],
      );
    }
    if (seen.has(key)) {
      throw new ValidationError(`Query parameter "${key}" is repeated; DCI signs only one value per key`, [
        { path: `query.${key}`, message: 'send each key once (join values the way the API expects)' },
      ]);
    }
    seen.add(key);
  }
}
