import type { Hook } from '@oclif/core';

/**
 * After `nimbus autocomplete` (or `autocomplete create`, run when plugins change) has written the
 * completion functions, rewrites them so each candidate is offered once and profile names complete.
 * Any other command returns at once, loading nothing more.
 */
const improveCompletion: Hook.Postrun = async ({ Command, config }) => {
  if (Command.id !== 'autocomplete' && Command.id !== 'autocomplete:create') return;
  const { rewriteCompletionFiles } = await import('../completion/rewrite-completion-files.js');
  await rewriteCompletionFiles(config.cacheDir, config.bin);
};

export default improveCompletion;
