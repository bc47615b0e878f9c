import { type AuthStrategy, DCI2_SIGNING, hmacV4 } from '@nimbus-sdk/core';
import { parseClientId } from './client-id.js';

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
  return hmacV4({
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
}
