/** @nimbus-sdk/core/cli: the base command and output helpers of nimbus CLI commands (needs @oclif/core). */
export type * from './provider-plugin.js';
