import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Reads one JSON file of test/fixtures/vectors (the repo copy, never /work/shared). */
export function loadVectors<T>(name: string): T[] {
  const path = fileURLToPath(new URL(`../fixtures/vectors/${name}`, import.meta.url));
  return JSON.parse(readFileSync(path, 'utf8')) as T[];
}
