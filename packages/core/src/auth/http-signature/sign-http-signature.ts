import { ValidationError } from '../../errors/index.js';
import { formatSignatureAuthorization } from './authorization-header.js';
import type { KeySigner } from './key-signer.js';
import { buildSigningString, type HttpSignatureFormat } from './signing-string.js';

/** Input of {@link signHttpSignature}. */
export interface HttpSignatureInput {
  keyId: string;
  signer: Pick<KeySigner, 'sign'>;
  method: string;
  /** Path and query exactly as sent. */
  target: string;
  /** Header values by name (any case). */
  headers: Headers | Readonly<Record<string, string>>;
  /** Names to sign, in order. */
  signedHeaders: readonly string[];
  format: HttpSignatureFormat;
  /** Emit `headers="…"` (modern default true; legacy py-smartdc default false). */
  headersParam?: boolean;
}

/** What {@link signHttpSignature} produced. */
export interface HttpSignatureResult {
  signingString: string;
  algorithm: string;
  signature: string;
  authorization: string;
}

/**
 * Signs a request's headers as HTTP Signature; no clock, no header mutation, so fixed vectors (with
 * their literal Date strings) reproduce exactly.
 */
export async function signHttpSignature(input: HttpSignatureInput): Promise<HttpSignatureResult> {
  const headers =
    input.headers instanceof Headers ? input.headers : new Headers(input.headers as Record<string, string>);
  const signedHeaders = input.signedHeaders.map((name) => name.toLowerCase());
  const signing = buildSigningString({
    method: input.method,
    target: input.target,
    header: (name) => headers.get(name) ?? undefined,
    headers: signedHeaders,
    format: input.format,
  });
  if (!signing.ok) {
    throw new ValidationError(
      `HTTP Signature: header "${signing.missing}" is to be signed but the request has none`,
      [{ path: 'headers', message: `send ${signing.missing} or remove it from the signed headers` }],
    );
  }
  const { algorithm, signature } = await input.signer.sign(Buffer.from(signing.value, 'utf8'));
  const authorization = formatSignatureAuthorization(
    { keyId: input.keyId, algorithm, headers: signedHeaders, signature, format: input.format },
    input.headersParam ?? input.format === 'modern',
  );
  return { signingString: signing.value, algorithm, signature, authorization };
}
