import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cliRoot = fileURLToPath(new URL('..', import.meta.url));
const bundleDir = join(cliRoot, 'dist', 'bundle');

function bundleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? bundleFiles(join(dir, entry.name))
      : entry.name.endsWith('.js')
        ? [join(dir, entry.name)]
        : [],
  );
}

/** Prints each specifier (argv after the file) that does not resolve from the file's folder. */
const RESOLVE_EACH = `const r = require('node:module').createRequire(process.argv[1]);
for (const s of process.argv.slice(2)) { try { r.resolve(s); } catch { console.log(s); } }`;

const PACKAGE = /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+(\/[\w./-]*)?$/;

/** Bare specifiers (packages, not node: built-ins or relative files) the bundle imports. */
function bareImports(): Set<string> {
  const found = new Set<string>();
  const pattern = /(?:from\s*|import\s*\(\s*)"([^".][^"]*)"/g;
  for (const file of bundleFiles(bundleDir)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (specifier && PACKAGE.test(specifier)) found.add(specifier);
    }
  }
  return found;
}

describe('dist/bundle', () => {
  it('imports only packages that resolve from the CLI package itself (a chunk resolves from there)', () => {
    const specifiers = bareImports();
    // The bundle must name the AWS SDK (ims, naas and s3aas commands), or this test checks nothing.
    expect(specifiers).toContain('@aws-sdk/client-s3');
    // In a child without NODE_PATH: pnpm sets it for scripts, and ESM imports ignore it.
    const unresolved = execFileSync(
      process.execPath,
      ['-e', RESOLVE_EACH, join(bundleDir, 'run-nimbus.js'), ...specifiers],
      {
        env: { ...process.env, NODE_PATH: '' },
        encoding: 'utf8',
      },
    )
      .split('\n')
      .filter(Boolean);
    expect(unresolved).toEqual([]);
  });
});
