/**
 * @nimbus-sdk/s3aas: the Exordos S3-as-a-service SDK (control plane, Exordos IAM, data plane).
 * Never imports oclif; the emulator is `@nimbus-sdk/s3aas/emulator`.
 */
export { type ExordosIamAuth, type ExordosIamAuthOptions, exordosIamAuth } from './auth/exordos-iam-auth.js';
export { ExordosIamError, IamAnswerError, type IamErrorName, NotLoggedInError } from './auth/iam-errors.js';
export type { ExordosIamOptions, IamPasswordGrant } from './auth/iam-options.js';
export type { IamTokens } from './auth/iam-tokens.js';
export { createS3aasClient, type S3aasClient } from './client.js';
export type { DataPlaneOptions, S3aasClientOptions } from './client-options.js';
export { type CallOptions, METAPAAS_PROJECT_ID, S3_ROOT } from './context.js';
export type { CreatedInstance, InstanceWithBucketCreate } from './create-instance.js';
export { DATA_PLANE_PORT, dataPlaneEndpoint, type S3Credentials } from './data-plane/endpoint.js';
export type { InstanceObjects, PutFileResult, S3ObjectSummary } from './data-plane/objects.js';
export { type S3aasErrorBody, s3aasErrorType } from './error-body.js';
export type { FilterValue, ListOptions } from './list-options.js';
export { idOfPath } from './relationship.js';
export type {
  AccessKey,
  AccessKeyCreate,
  AccessKeys,
  AccessKeyUpdate,
  CreatedAccessKey,
} from './resources/access-keys.js';
export type { Bucket, BucketCreate, Buckets, BucketUpdate, RetentionMode } from './resources/buckets.js';
export type { S3aasRecord } from './resources/collection.js';
export type {
  Instance,
  InstanceCreate,
  InstanceStatus,
  Instances,
  InstanceUpdate,
} from './resources/instances.js';
export type { Policies, Policy, PolicyCreate, PolicyDocument, PolicyUpdate } from './resources/policies.js';
export type {
  PolicyAttachment,
  PolicyAttachmentCreate,
  PolicyAttachments,
  PolicyAttachmentUpdate,
} from './resources/policy-attachments.js';
export type { S3User, S3UserCreate, S3UserUpdate, Users } from './resources/users.js';
export type { S3Version, Versions } from './resources/versions.js';
export {
  type InstanceTarget,
  type S3aasWaitOptions,
  waitForAccessKey,
  waitForBucket,
  waitForInstance,
} from './waiters.js';
export type { IamIdentity } from './whoami.js';
