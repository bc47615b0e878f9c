import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));

/** Every bare module specifier reachable from `entry` through relative imports. */
function reachableModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /(?:import|export)[^'"]*?from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g,
    )) {
      const specifier = match[1] ?? match[2] ?? '';
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      else bare.add(specifier);
    }
  };
  visit(resolve(src, entry));
  return bare;
}

describe('package entry points', () => {
  it.each(['index.ts', 'emulator/index.ts', 'nimbus-plugin.ts'])('%s never loads oclif', (entry) => {
    const modules = [...reachableModules(entry)];
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((m) => m.startsWith('@oclif/'))).toEqual([]);
  });

  it('the command base does load oclif (so the check above can fail)', () => {
    expect([...reachableModules('cli/dci-command.ts')]).toContain('@oclif/core');
  });
});
