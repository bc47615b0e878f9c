import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import imsProvider from '../src/provider.js';

describeProviderContract(imsProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['ims', 'image', 'list'],
  notFoundCommand: ['ims', 'image', 'show', '5f4a7d5e-0000-4000-8000-000000000000'],
});
