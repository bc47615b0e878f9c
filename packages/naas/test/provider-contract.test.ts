import { localS3FromEnv } from '@nimbus-sdk/core/testing';
import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import naasProvider from '../src/provider.js';

const s3 = localS3FromEnv();

describeProviderContract(naasProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['naas', 'storage', 'list'],
  notFoundCommand: ['naas', 'space', 'get', '--name', 'no-such-space'],
  // With the local RGW the sandbox's storage lives in real S3 (bucket created at start).
  sandboxContext: () => (s3 ? { s3 } : {}),
});
