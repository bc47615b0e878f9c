/**
 * @nimbus-sdk/naas: the Naas SDK (spaces, registries, secrets, storage, assets, CI/CD). Never
 * imports oclif; the emulator is `@nimbus-sdk/naas/emulator`.
 */

export { type BrowserLoginOptions, DEFAULT_NAAS_LOGIN_URL, loginWithBrowser } from './auth/login.js';
export {
  type LoginCallback,
  type LoginCallbackOptions,
  NAAS_LOGIN_CALLBACK_PORT,
  NAAS_WEB_ORIGIN,
  startLoginCallback,
} from './auth/login-callback.js';
export { LOGIN_AGAIN } from './auth/login-hint.js';
export {
  memoizedTokenProvider,
  type NaasTokenOptions,
  type NaasTokenSource,
  type ResolvedNaasToken,
  resolveNaasToken,
} from './auth/token-source.js';
export {
  DEFAULT_NAAS_AUTH_URL,
  type TokenTradeKind,
  type TokenTradeOptions,
  tradeToken,
} from './auth/token-trade.js';
export { type CiWorkflowInput, renderGithubWorkflow, writeGithubWorkflow } from './ci/github-workflow.js';
export type { ObjectTransferInput } from './client.js';
export { createNaasClient, type NaasClient, type NaasResolvedSettings } from './client.js';
export { DEFAULT_NAAS_API_URL, type NaasClientOptions, type NaasS3Options } from './client-options.js';
export type { CallOptions } from './context.js';
export {
  defaultCredentialsPath,
  type NaasCredentialsDocument,
  readNaasCredentials,
  type StoredS3Credentials,
  saveJwtToken,
  saveStorageCredentials,
  updateNaasCredentials,
} from './credentials-file.js';
export { DockerCommandError, type DockerOptions, runDocker } from './docker/docker-cli.js';
export { dockerLogin, registryHost } from './docker/registry-login.js';
export { type NaasErrorFields, parseNaasErrorBody } from './error-body.js';
export type { Asset, AssetCreate, Assets, AssetUpdate } from './resources/assets.js';
export type { PageNumberOptions } from './resources/page-number-paging.js';
export type { Registries, Registry, RegistryCredentials } from './resources/registries.js';
export type { Secret, Secrets } from './resources/secrets.js';
export type { Container, ContainerInput, Space } from './resources/space-types.js';
export type { SpaceCreate, Spaces, SpaceUpdate } from './resources/spaces.js';
export type { Storage, StorageObject } from './resources/storage.js';
export { addSpace, type SpaceAddInput, type SpaceAddResult, type SpaceAddStep } from './space-add.js';
export { guessContentType } from './storage/content-type.js';
export type {
  GetObjectResult,
  PutObjectResult,
  S3Target,
  TransferOptions,
} from './storage/object-transfer.js';
export { type NaasS3Session, parseExpiration, parseS3EndpointUrl } from './storage/s3-session.js';
export { SESSION_REFRESH_MARGIN_MS, StorageSessions } from './storage/session-cache.js';
