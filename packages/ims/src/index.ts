/**
 * @nimbus-sdk/ims: the HPE Cray Image Management Service SDK. Never imports oclif; the emulator is
 * `@nimbus-sdk/ims/emulator`.
 */

export {
  type ArtifactFiles,
  checkArtifactFiles,
  type PlannedArtifact,
  planArtifacts,
} from './artifact-plan.js';
export type { ArtifactStore, PrefixCleanup, StoredObject } from './artifact-store.js';
export {
  IMAGE_ARTIFACT_ORDER,
  IMAGE_ARTIFACTS,
  type ImageArtifactKind,
  MANIFEST_CONTENT_TYPE,
  RECIPE_CONTENT_TYPE,
  ROOTFS_TYPE_PREFIX,
} from './artifact-types.js';
export { type ImsAuth, type ImsClientCredentials, type ImsStaticToken, imsAuthStrategy } from './auth.js';
export { fetchTrustingCa } from './ca-fetch.js';
export { createImsClient, type ImsClient, type ImsResources, type ImsV3Resources } from './client.js';
export type { ImsClientOptions, ImsS3Options } from './client-options.js';
export type { CallOptions, ImsApiVersion } from './context.js';
export { imsClientOptionsFromEnv } from './environment.js';
export { parseImsErrorBody } from './error-body.js';
export { type WaitForJobOptions, waitForJob } from './job-waiters.js';
export {
  buildImageManifest,
  checkImageManifest,
  type ImageManifest,
  MANIFEST_VERSION,
  type ManifestArtifact,
  type ManifestLink,
  serializeImageManifest,
  stripQuotes,
} from './manifest.js';
export { DEFAULT_OAUTH_CONFIG_DIR, readOAuthConfigDir } from './oauth-config-dir.js';
export type { UploadRecipeDeps, UploadRecipeInput } from './recipe-upload.js';
export type {
  DeletedImageRecord,
  DeletedPublicKeyRecord,
  DeletedRecipeRecord,
  DeletedRecords,
} from './resources/deleted-records.js';
export type {
  ImageCreate,
  ImageDeleteOptions,
  ImageRecord,
  Images,
  ImageUpdate,
  MetadataChange,
} from './resources/images.js';
export {
  JOB_STATUSES,
  type JobCreate,
  type JobListOptions,
  type JobRecord,
  type JobStatus,
  type Jobs,
  type JobUpdate,
  type SshConnectionInfo,
  type SshContainer,
} from './resources/jobs.js';
export type { PublicKeyCreate, PublicKeyRecord, PublicKeys } from './resources/public-keys.js';
export {
  type RecipeCreate,
  type RecipeDeleteOptions,
  type RecipeRecord,
  type Recipes,
  type RecipeUpdate,
  type TemplateDictionary,
  type TemplateEntry,
  templateEntries,
} from './resources/recipes.js';
export type { ArtifactLink, DeletedFields, ImsArch, ImsRecord } from './resources/records.js';
export type {
  RemoteBuildNode,
  RemoteBuildNodeStatus,
  RemoteBuildNodes,
} from './resources/remote-build-nodes.js';
export type { ServiceInfo } from './resources/service-info.js';
export { type CreateImageOnceOptions, createImageOnce } from './safe-image-create.js';
export type {
  UploadArtifactsDeps,
  UploadArtifactsInput,
  UploadArtifactsProgress,
} from './upload-artifacts.js';
export { UploadArtifactsError, type UploadRollback } from './upload-error.js';
export {
  type HelperUploadOutput,
  helperJobStatusOutput,
  helperUploadOutput,
  type UploadArtifactsResult,
} from './upload-output.js';
