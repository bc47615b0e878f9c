import { ValidationError, type ValidationIssue } from '@nimbus-sdk/core/cli';
import { checkSection, type Profile } from '@nimbus-sdk/core/provider';
import { type InstalledProvider, providerNamed } from '../providers/installed-providers.js';

/**
 * Checks every section of a profile against its installed provider's spec, and throws one
 * {@link ValidationError} listing all problems (so nothing is written until the profile is whole).
 */
export function assertValidProfile(
  profile: Readonly<Profile>,
  providers: readonly InstalledProvider[],
): void {
  const issues: ValidationIssue[] = [];
  for (const [name, section] of Object.entries(profile)) {
    const provider = providerNamed(providers, name);
    if (!provider) {
      const known = providers.map((p) => p.plugin.name).join(', ') || 'none';
      issues.push({ path: name, message: `no installed provider of that name (installed: ${known})` });
      continue;
    }
    // The profile is what is being written: name its keys, not the variables that could also set them.
    issues.push(...checkSection(name, provider.plugin.profile, section, { profileTerms: true }));
  }
  if (issues.length > 0) {
    throw new ValidationError(
      `Profile not saved: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`,
      issues,
    );
  }
}
