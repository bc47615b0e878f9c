import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A vite resolve alias. */
export interface Alias {
  find: RegExp;
  replacement: string;
}

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Resolve every workspace package's exports to its TypeScript source, so unit and integration
 * tests run on `src/` without a build. CLI child-process tests still use the built `dist/`.
 */
export function workspaceSourceAliases(): Alias[] {
  const aliases: Alias[] = [];
  const packagesDir = join(root, 'packages');
  for (const dir of readdirSync(packagesDir)) {
    const manifestPath = join(packagesDir, dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
      name: string;
      exports?: Record<string, { default?: string } | string>;
    };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const file = typeof target === 'string' ? target : target.default;
      if (!file?.startsWith('./dist/') || !file.endsWith('.js')) continue;
      const source = resolve(packagesDir, dir, file.replace('./dist/', 'src/').replace(/\.js$/, '.ts'));
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
      aliases.push({ find: new RegExp(`^${specifier.replace(/[/.]/g, '\\$&')}$`), replacement: source });
    }
  }
  return aliases;
}

/**
 * Retries of a failed test: one under CI, whose shared machines are noisy, and none locally, so a
 * flaky test shows at once on a developer's machine. scripts/summary-reporter.ts names every test
 * that passed only on a retry (FLAKY), so a retry never hides one from the log.
 */
export const ciRetry = process.env.CI === 'true' ? 1 : 0;
