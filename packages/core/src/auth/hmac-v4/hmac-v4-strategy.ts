import type { AuthContext, AuthStrategy, SignableRequest } from '../types.js';
import { prepareHmacV4 } from './prepared-signer.js';
import { assertHmacV4Settings, type HmacV4Credentials, type HmacV4Profile } from './sign-hmac-v4.js';

/** Options of {@link hmacV4}: credentials, scope and the signer profile (AWS SigV4 by default). */
export type HmacV4Options = HmacV4Credentials & HmacV4Profile;

/**
 * HMAC-SHA256 V4 request signing, re-signed on every attempt with the context clock.
 * AWS SigV4 by default; every constant is a parameter, so other V4 variants (DCI2) fit too.
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
