/**
 * @nimbus-sdk/core/testing: the kit every provider emulator is built from. Real HTTP servers on
 * 127.0.0.1, a router, auth verifiers (the server side of each auth strategy), ETag and paging
 * rules, and fault injection.
 */

export { EmulatorHttpError } from './emulator-http-error.js';
export { type EmulatorServerOptions, type RunningEmulator, startEmulatorServer } from './emulator-server.js';
export {
  etagFor,
  ifMatchSatisfied,
  ifNoneMatchSatisfied,
  parseEtagList,
  strongEtagMatch,
  weakEtagMatch,
} from './etag-rules.js';
export { FaultController, type PendingFault } from './fault-controller.js';
export { LOCAL_S3_ENV, type LocalS3, localS3FromEnv } from './local-s3.js';
export { linkHeader, type PageLinks, sliceOffsetLimit } from './paging-answers.js';
export { freePort, isRgwInstalled, type RgwLab, type RgwLabOptions, startRgwLab } from './rgw-lab.js';
export { Router, type RouterOptions } from './router.js';
export {
  isUploadPart,
  type ProxiedRequest,
  type RequestMatcher,
  type S3FaultProxy,
  startS3FaultProxy,
} from './s3-fault-proxy.js';
export type * from './types.js';
export * from './verifiers/index.js';
