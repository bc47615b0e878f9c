import { type AuthStrategy, type HmacV4Profile, hmacV4, ValidationError } from '@nimbus-sdk/core';
import { parseClientId } from './client-id.js';

/** The profile of core's V4 signer that DCI's control server expects (python-dciauth v2 `generate_headers`). */
export const DCI2_SIGNING: Readonly<
  Required<
    Pick<
      HmacV4Profile,
      | 'algorithm'
      | 'scopeTerminator'
      | 'dateHeader'
      | 'signedHeaders'
      | 'pathMode'
      | 'queryMode'
      | 'headerValues'
    >
  >
> = {
  algorithm: 'DCI2-HMAC-SHA256',
  scopeTerminator: 'dci2_request',
  dateHeader: 'X-DCI-Date',
  signedHeaders: ['host', 'x-dci-date'],
  pathMode: 'decoded',
  // python-dciclient signs `dict(parse_qsl(query))`.
  queryMode: 'map',
  headerValues: 'raw',
};

/** The DCI signature constants; every one is a parameter because dciauth itself allows overriding them. */
export interface DciSignatureConstants {
  /** Default `DCI2-HMAC-SHA256`; `AWS4-HMAC-SHA256` makes genuine SigV4, which the server accepts too. */
  algorithm?: string;
  /** Default `BHS3`. */
  region?: string;
  /** Default `api`. */
  service?: string;
  /** Default `dci2_request` (`aws4_request` for AWS4). */
  requestType?: string;
}

/** Options of {@link dciSignature}. */
export interface DciSignatureOptions extends DciSignatureConstants {
  /** `remoteci/<id>`, `feeder/<id>` or a bare remoteci id. */
  clientId: string;
  apiSecret: string;
}

/**
 * The `DCI2-HMAC-SHA256` request signer of a remoteci or feeder (python-dciauth v2), built on core's
 * `hmacV4` with DCI's constants: decoded canonical path, dciauth's query canonicalisation and exactly
 * `host;x-dci-date` signed.
 *
 * @example createDciClient({ url, auth: { type: 'signature', clientId: 'remoteci/…', apiSecret } })
 */
export function dciSignature(options: DciSignatureOptions): AuthStrategy {
  const { accessKey } = parseClientId(options.clientId);
  const algorithm = options.algorithm ?? 'DCI2-HMAC-SHA256';
  const aws = algorithm.startsWith('AWS4');
  const keyPrefix = algorithm.replace(/-HMAC-SHA256$/, '');
  const signer = hmacV4({
    ...DCI2_SIGNING,
    accessKeyId: accessKey,
    secretAccessKey: options.apiSecret,
    region: options.region ?? 'BHS3',
    service: options.service ?? 'api',
    algorithm,
    keyPrefix,
    scopeTerminator: options.requestType ?? (aws ? 'aws4_request' : DCI2_SIGNING.scopeTerminator),
    dateHeader: aws ? 'X-Amz-Date' : DCI2_SIGNING.dateHeader,
    signedHeaders: aws ? ['host', 'x-amz-date'] : DCI2_SIGNING.signedHeaders,
  });
  return {
    ...signer,
    authorize(request, context) {
      assertSignableQuery(request.url);
      return signer.authorize(request, context);
    },
  };
}

/**
 * DCI's client signs the query as a map without blank values while its server keeps blanks and the
 * first duplicate, so such a URL can never verify: refuse it before sending.
 */
function assertSignableQuery(url: URL): void {
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
