import { createHmac } from 'node:crypto';

/** The SigV4 key chain: HMAC(prefix + secret, date) → region → service → terminator. */
export function deriveSigningKey(
  secret: string,
  keyPrefix: string,
  datestamp: string,
  region: string,
  service: string,
  scopeTerminator: string,
): Buffer {
  let key: Buffer = Buffer.from(keyPrefix + secret, 'utf8');
  for (const part of [datestamp, region, service, scopeTerminator]) {
    key = createHmac('sha256', key).update(part, 'utf8').digest();
  }
  return key;
}
