import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { NimbusProviderPlugin } from '@nimbus-sdk/core/provider';
import type { Config } from '@oclif/core';

/** A provider plugin found among the CLI's installed oclif plugins. */
export interface InstalledProvider {
  /** The npm package that provides it. */
  packageName: string;
  plugin: NimbusProviderPlugin;
}

/**
 * Every installed oclif plugin (bundled, user-installed or linked) whose package.json declares
 * `"nimbus": { "plugin": "<file>" }`, with that file's default export. Only these modules are
 * imported, never the plugins' commands, so `profile` and `sandbox` stay fast.
 */
export async function installedProviders(
  config: Config,
  // One plain line per problem: oclif's own warn() wraps long lines at 80 columns when piped.
  warn: (message: string) => void = (message) => process.stderr.write(`Warning: ${message}\n`),
): Promise<InstalledProvider[]> {
  const found: InstalledProvider[] = [];
  for (const oclifPlugin of config.getPluginsList()) {
    const entry = (oclifPlugin.pjson as { nimbus?: { plugin?: unknown } }).nimbus?.plugin;
    if (typeof entry !== 'string') continue;
    const url = pathToFileURL(resolve(oclifPlugin.root, entry)).href;
    let module: { default?: unknown };
    try {
      module = (await import(url)) as { default?: unknown };
    } catch (error) {
      // One broken third-party plugin must not take `profile` and `sandbox` down for the others.
      warn(`${oclifPlugin.name}: cannot load ${entry}: ${(error as Error).message}`);
      continue;
    }
    const problem = shapeProblem(module.default);
    if (problem) {
      warn(`${oclifPlugin.name}: ${entry} ${problem}; skipped`);
      continue;
    }
    found.push({ packageName: oclifPlugin.name, plugin: module.default as NimbusProviderPlugin });
  }
  return found.sort((a, b) => a.plugin.name.localeCompare(b.plugin.name));
}

/** Finds one installed provider by its profile section name. */
export function providerNamed(
  providers: readonly InstalledProvider[],
  name: string,
): InstalledProvider | undefined {
  return providers.find((p) => p.plugin.name === name);
}

function shapeProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return 'has no default export';
  const plugin = value as Partial<Record<keyof NimbusProviderPlugin, unknown>>;
  if (typeof plugin.name !== 'string' || !/^[a-z][a-z0-9-]*$/.test(plugin.name))
    return 'needs a lower-case name';
  if (!plugin.profile || typeof plugin.profile !== 'object') return 'needs a profile section spec';
  if (typeof plugin.startSandbox !== 'function') return 'needs startSandbox()';
  if (!Array.isArray(plugin.demo)) return 'needs a demo step list';
  return undefined;
}
