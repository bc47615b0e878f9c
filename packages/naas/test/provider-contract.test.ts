import { describeProviderContract } from '@nimbus-sdk/core/testing/contract';
import naasProvider from '../src/provider.js';

describeProviderContract(naasProvider, {
  packageRoot: new URL('..', import.meta.url),
  sampleCommand: ['naas', 'secret', 'list'],
  notFoundCommand: ['naas', 'space', 'get', '--name', 'no-such-space'],
});
