import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import dciProvider from '../src/provider.js';

describeProviderContract(dciProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['dci', 'topic', 'list'],
  notFoundCommand: ['dci', 'topic', 'show', '00000000-0000-4000-8000-000000000000'],
});
