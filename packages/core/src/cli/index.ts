/** @nimbus-sdk/core/cli: the base command and output helpers of nimbus CLI commands (needs @oclif/core). */

// Errors commands throw, re-exported so a command importing only `./cli` does not load the SDK
// core (transport, auth, sshpk) at start-up. Profiles have one entrance: `@nimbus-sdk/core/provider`.
export { ApiError, isApiError } from '../errors/api-error.js';
export { ConfigError, ValidationError, type ValidationIssue } from '../errors/client-errors.js';
/** The provider contract lives in `@nimbus-sdk/core/provider`; re-exported here for older imports. */
export type * from '../provider/provider-plugin.js';
export { parseDuration } from '../validation/duration.js';
export {
  type BaseFlagLetter,
  type BaseFlags,
  baseFlagsCeding,
  nimbusBaseFlags,
  OUTPUT_FORMATS,
  type OutputFormat,
  profilelessBaseFlags,
} from './base-flags.js';
export { createDebugLogger, type DebugLoggerOptions } from './debug-logger.js';
export { toDelimited } from './delimited-output.js';
export { type CliErrorJson, errorJson, errorLine } from './error-report.js';
export { ExitCode, exitCodeFor } from './exit-codes.js';
export {
  DEFAULT_LIST_LIMIT,
  type ListWindow,
  listFlags,
  listWindow,
  takeWindow,
  type WindowedList,
} from './list-flags.js';
export { type NimbusArgs, NimbusCommand, type NimbusFlags, type WaitControl } from './nimbus-command.js';
export { profileFlags } from './profile-flags.js';
export {
  formatBytes,
  type ProgressBar,
  type ProgressBarOptions,
  renderProgress,
  startProgressBar,
} from './progress-bar.js';
export { type ClientOf, ProviderCommand } from './provider-command.js';
export { readUserFile } from './read-user-file.js';
export { markSecretFlag, secretFlagValues } from './secret-flags.js';
export { parseSort, sortItems } from './sort-items.js';
export { type Spinner, startSpinner } from './spinner.js';
export { type ColumnSpec, formatCell, renderTable, type TableOptions } from './table.js';
export type { TerminalStream } from './terminal-stream.js';
export { escapeControls } from './terminal-text.js';
export { DEFAULT_WAIT_TIMEOUT_MS, waitFlags } from './wait-flags.js';
