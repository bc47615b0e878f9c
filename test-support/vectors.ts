import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads one JSON file of packages/core/test/fixtures/vectors, the repository's copy of the shared
 * test vectors (tests never read /work/shared).
 */
export function loadVectors<T>(name: string): T[] {
  const path = fileURLToPath(new URL(`../packages/core/test/fixtures/vectors/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T[];
}

/** One case of dci-signature.json: a request, its credentials and every stage of its signature. */
export interface DciSignatureVector {
  name: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  accessKey: string;
  secret: string;
  timestamp: string;
  algorithm: string;
  region: string;
  service: string;
  requestType: string;
  signedHeaders: string;
  canonicalRequest: string;
  stringToSign: string;
  signingKey: string;
  signature: string;
  authorization: string;
}
