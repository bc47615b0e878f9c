/**
 * @nimbus-sdk/core/testing/contract: the contract tests every provider package runs (needs vitest
 * and the package's built commands). Kept apart from `./testing`, which emulators load at run time.
 */
export { describeProviderContract, type ProviderContractOptions } from './describe-provider-contract.js';
export { isolatedCliEnv, type PluginRun, runNodeScript, runPluginCli } from './plugin-cli.js';
