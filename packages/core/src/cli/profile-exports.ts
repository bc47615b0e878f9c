/**
 * The profile store and the errors CLI commands throw, re-exported here so that a command importing
 * only `@nimbus-sdk/core/cli` does not load the whole SDK core (transport, auth, sshpk) at start-up.
 */

export { writeFileAtomic } from '../config/atomic-write.js';
export { checkSection } from '../config/check-section.js';
export { nimbusConfigDir } from '../config/config-dir.js';
export { isSecretField, MASK, maskSection } from '../config/mask-section.js';
export { createProfileStore, type ProfileStore, type ProfileStoreOptions } from '../config/profile-store.js';
export type { Profile, ProfileSection, ProfileSummary } from '../config/profile-types.js';
export { explainSection, resolveSection, type SettingSource } from '../config/resolve-section.js';
export { ApiError, isApiError } from '../errors/api-error.js';
export { ConfigError, ValidationError, type ValidationIssue } from '../errors/client-errors.js';
