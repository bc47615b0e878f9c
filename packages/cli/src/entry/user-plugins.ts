import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * True unless `nimbus plugins install` / `plugins link` certainly added nothing: reads the
 * `package.json` oclif keeps in the data directory (`$NIMBUS_DATA_DIR`, else
 * `$XDG_DATA_HOME/nimbus`, else `~/.local/share/nimbus`, as oclif resolves it). A user plugin may
 * add topics or replace a bundled command, so only without one may the start-up index stand in
 * for oclif's own plugin loading. On Windows oclif looks elsewhere, so the answer there is true.
 */
export function mayHaveUserPlugins(env: NodeJS.ProcessEnv = process.env): boolean {
  if (process.platform === 'win32') return true;
  const dataDir =
    env.NIMBUS_DATA_DIR || join(env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local/share'), 'nimbus');
  let text: string;
  try {
    text = readFileSync(join(dataDir, 'package.json'), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
  try {
    const plugins = (JSON.parse(text) as { oclif?: { plugins?: unknown } }).oclif?.plugins;
    return !Array.isArray(plugins) || plugins.length > 0;
  } catch {
    return true;
  }
}
