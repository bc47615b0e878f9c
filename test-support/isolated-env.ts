/** The isolated child-process environment of every CLI test (the provider contract tests use it too). */
export { isolatedCliEnv as isolatedEnv } from '../packages/core/src/testing/contract/plugin-cli.js';
