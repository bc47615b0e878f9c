/**
 * @nimbus-sdk/core/provider: the provider kit (no oclif). A provider package declares itself once
 * with {@link defineProvider}; the kit derives its profile section, env reader and validation. Also
 * the one public entrance for profiles (store, resolution, masking) and for input checking.
 */
export { writeFileAtomic } from '../config/atomic-write.js';
export {
  assertSection,
  type CheckSectionOptions,
  checkSection,
  kindIssues,
} from '../config/check-section.js';
export { nimbusConfigDir } from '../config/config-dir.js';
export { homeDirectory } from '../config/home-dir.js';
export { type LockFileOptions, withLockFile } from '../config/lock-file.js';
export { isSecretField, MASK, maskSection } from '../config/mask-section.js';
export { assertProfileName } from '../config/profile-name.js';
export { createProfileStore, type ProfileStore, type ProfileStoreOptions } from '../config/profile-store.js';
export type { Profile, ProfileSection, ProfileSummary, ProfilesDocument } from '../config/profile-types.js';
export {
  explainSection,
  type ResolveSectionInput,
  resolveSection,
  type SettingSource,
} from '../config/resolve-section.js';
export { DEFAULT_ATTEMPT_TIMEOUT_MS } from '../transport/default-timeout.js';
export { lazySchema } from '../validation/lazy-schema.js';
export { parseInput, type SafeParseSchema } from '../validation/parse-input.js';
export {
  type AnyNimbusProvider,
  defineProvider,
  type NimbusProvider,
  type ProviderClientOptions,
  type ProviderDefinition,
  type SettingFields,
  type SettingSources,
  type SettingsOf,
} from './define-provider.js';
export type * from './provider-plugin.js';
export { timeoutOptions, timeoutSetting } from './timeout-setting.js';
