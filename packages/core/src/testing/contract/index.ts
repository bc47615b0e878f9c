/**
 * @nimbus-sdk/core/testing/contract: the contract tests every provider package runs (needs the
 * package's built commands, and vitest from the test run itself: it is deliberately not a peer
 * dependency, which pnpm would resolve to a second vitest whose describe() the runner never sees).
 * Kept apart from `./testing`, which emulators load at run time.
 */
export { describeProviderContract, type ProviderContractOptions } from './describe-provider-contract.js';
export { isolatedCliEnv, type PluginRun, runNodeScript, runPluginCli } from './plugin-cli.js';
