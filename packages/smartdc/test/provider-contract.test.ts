import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import smartdcProvider from '../src/provider.js';

describeProviderContract(smartdcProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['smartdc', 'package', 'list'],
  notFoundCommand: ['smartdc', 'machine', 'get', '00000000-0000-4000-8000-000000000000'],
});
