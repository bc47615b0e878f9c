import { isAbsolute, join } from 'node:path';
import { homeDirectory } from './home-dir.js';

/**
 * The nimbus configuration directory: `$XDG_CONFIG_HOME/nimbus`, or `~/.config/nimbus` when the
 * variable is unset or relative (the XDG spec says relative values must be ignored).
 */
export function nimbusConfigDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(homeDirectory(env), '.config');
  return join(base, 'nimbus');
}
