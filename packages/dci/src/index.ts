/**
 * @nimbus-sdk/dci: the Red Hat Distributed CI SDK. Never imports oclif; the CLI commands live in
 * `./commands` and the emulator in `@nimbus-sdk/dci/emulator`.
 */
export { type DciClientId, type DciClientType, parseClientId } from './auth/client-id.js';
export {
  authForCredentials,
  type DciBasicCredentials,
  type DciCredentials,
  type DciSignatureCredentials,
  type DciSsoPasswordCredentials,
  type DciSsoTokenCredentials,
} from './auth/credentials.js';
export {
  DCI2_SIGNING,
  type DciSignatureConstants,
  type DciSignatureOptions,
  dciSignature,
} from './auth/signature.js';
export { type SsoPasswordTokenOptions, ssoPasswordToken } from './auth/sso-token.js';
export { createDciClient, type DciClient } from './client.js';
export type { DciClientOptions } from './client-options.js';
export type { CallOptions, WriteOptions } from './context.js';
export { type JobOutcome, JobRun, type JobRunServices, runJob, startJob } from './job-lifecycle.js';
export { type ListOptions, MAX_PAGE_SIZE, type WhereValue, whereToString } from './list-options.js';
export { PURGEABLE_RESOURCES, type PurgeableResource } from './resources/archived-rows.js';
export { Collection, type Target } from './resources/collection.js';
export type {
  Component,
  ComponentCreate,
  ComponentFile,
  Components,
  ComponentUpdate,
} from './resources/components.js';
export type { DciFile, FileContent, Files, FileUploadInput } from './resources/files.js';
export type { Identity } from './resources/identity.js';
export type { JobOutputPart } from './resources/job-output.js';
export type { JobTestcase, TestcaseAction } from './resources/job-tests.js';
export type { Job, JobCreate, JobResult, Jobs, JobUpdate } from './resources/jobs.js';
export {
  JOB_STATUSES,
  type JobStatus,
  type Jobstate,
  type JobstateCreate,
  type Jobstates,
} from './resources/jobstates.js';
export type { Pipeline, PipelineCreate, Pipelines, PipelineUpdate } from './resources/pipelines.js';
export type { Product, ProductCreate, Products, ProductUpdate } from './resources/products.js';
export { PurgeableCollection } from './resources/purgeable-collection.js';
export type { DciRecord, DciState } from './resources/record.js';
export type {
  Feeder,
  FeederCreate,
  Feeders,
  FeederUpdate,
  Remoteci,
  RemoteciCreate,
  Remotecis,
  RemoteciUpdate,
} from './resources/remotecis.js';
export type { Team, TeamCreate, Teams, TeamUpdate } from './resources/teams.js';
export type { Topic, TopicCreate, Topics, TopicUpdate } from './resources/topics.js';
export type { User, UserCreate, Users, UserUpdate } from './resources/users.js';
export {
  credentialsFromEnv,
  credentialsFromSettings,
  type DciEnvOptions,
  type DciSettings,
  dciClientOptions,
  dciClientOptionsFromEnv,
  dciSettings,
} from './settings.js';
export { isStaleEtag, StaleEtagError } from './stale-etag.js';
export { DEFAULT_MAX_UPLOAD_BYTES, type UploadProgress, type UploadSource } from './upload-source.js';
