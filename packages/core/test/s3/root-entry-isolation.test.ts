import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** Every bare package a module imports, following relative imports through the source tree. */
function packagesImportedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    )) {
      const spec = match[1] ?? match[2] ?? '';
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(resolve(src, entry));
  return packages;
}

describe('@aws-sdk stays behind the ./s3 subpath', () => {
  for (const entry of ['index.ts', 'testing/index.ts', 'cli/index.ts']) {
    it(`${entry} loads no @aws-sdk or @smithy package`, () => {
      const found = [...packagesImportedFrom(entry)].filter(
        (p) => p.startsWith('@aws-sdk/') || p.startsWith('@smithy/'),
      );
      expect(found).toEqual([]);
    });
  }
  it('the walk does find @aws-sdk/client-s3 from s3/index.ts (so the check above can fail)', () => {
    expect(packagesImportedFrom('s3/index.ts')).toContain('@aws-sdk/client-s3');
  });
});
