export { writeFileAtomic } from './atomic-write.js';
export { checkSection } from './check-section.js';
export { nimbusConfigDir } from './config-dir.js';
export { homeDirectory } from './home-dir.js';
export { type LockFileOptions, withLockFile } from './lock-file.js';
export { isSecretField, MASK, maskSection } from './mask-section.js';
export { assertProfileName } from './profile-name.js';
export { createProfileStore, type ProfileStore, type ProfileStoreOptions } from './profile-store.js';
export type { Profile, ProfileSection, ProfileSummary, ProfilesDocument } from './profile-types.js';
export {
  explainSection,
  type ResolveSectionInput,
  resolveSection,
  type SettingSource,
} from './resolve-section.js';
