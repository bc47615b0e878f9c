import { localS3FromEnv } from '@nimbus-sdk/core/testing';
import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import s3aasProvider from '../src/provider.js';

const s3 = localS3FromEnv();

describeProviderContract(s3aasProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['s3aas', 'version', 'list'],
  notFoundCommand: ['s3aas', 'instance', 'show', '00000000-0000-4000-8000-000000000000'],
  sandboxContext: s3 ? () => ({ s3 }) : undefined,
});
