import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * The nimbus configuration directory: `$XDG_CONFIG_HOME/nimbus`, or `~/.config/nimbus` when the
 * variable is unset or relative (the XDG spec says relative values must be ignored).
 */
export function nimbusConfigDir(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const xdg = env.XDG_CONFIG_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.config');
  return join(base, 'nimbus');
}
