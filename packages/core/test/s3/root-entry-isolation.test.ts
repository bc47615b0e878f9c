import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
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

  it('importing the built root entry loads no @aws-sdk module at run time', async () => {
    const dist = resolve(src, '../dist');
    if (!existsSync(resolve(dist, 'index.js')))
      throw new Error('dist/ is missing: run `pnpm --filter @nimbus-sdk/core build` first');
    // The hook sees every module the import pulls in, ESM or CommonJS, lazy or not.
    const hook = `data:text/javascript,export async function resolve(s, c, n) { const r = await n(s, c); if (r.url.includes('@aws-sdk') || r.url.includes('@smithy')) process.stdout.write(r.url + '\\n'); return r; }`;
    const probe = `import { register } from 'node:module'; register(${JSON.stringify(hook)}); for (const e of ['index.js', 'testing/index.js']) await import(${JSON.stringify(`${dist}/`)} + e);`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', probe]);
    expect(stdout).toBe('');
    const control = probe.replace("['index.js', 'testing/index.js']", "['s3/index.js']");
    expect(
      (await promisify(execFile)(process.execPath, ['--input-type=module', '-e', control])).stdout,
    ).toContain('@aws-sdk/client-s3');
  });
});
