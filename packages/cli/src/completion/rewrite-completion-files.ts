import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { improveBashCompletion, improveZshCompletion } from './completion-scripts.js';

/** Rewrites the bash and zsh functions `@oclif/plugin-autocomplete` wrote under `cacheDir`, where present. */
export async function rewriteCompletionFiles(cacheDir: string, bin: string): Promise<void> {
  const functions = join(cacheDir, 'autocomplete', 'functions');
  await rewrite(join(functions, 'bash', `${bin}.bash`), (text) => improveBashCompletion(text, bin));
  await rewrite(join(functions, 'zsh', `_${bin}`), (text) => improveZshCompletion(text, bin));
}

async function rewrite(path: string, change: (text: string) => string): Promise<void> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  await writeFile(path, change(text));
}
