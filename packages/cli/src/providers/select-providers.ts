import { ValidationError } from '@nimbus-sdk/core/cli';
import type { InstalledProvider } from './installed-providers.js';

/**
 * The providers named by `--provider` (all when none is named). Unknown names are an error that
 * lists what is installed, raised before anything starts.
 */
export function selectProviders(
  providers: readonly InstalledProvider[],
  names: readonly string[] | undefined,
): InstalledProvider[] {
  if (!names || names.length === 0) return [...providers];
  const unknown = names.filter((name) => !providers.some((p) => p.plugin.name === name));
  if (unknown.length > 0) {
    const installed = providers.map((p) => p.plugin.name).join(', ') || 'none';
    throw new ValidationError(`Unknown provider ${unknown.join(', ')} (installed: ${installed})`, [
      { path: 'provider', message: 'not installed' },
    ]);
  }
  return providers.filter((p) => names.includes(p.plugin.name));
}
