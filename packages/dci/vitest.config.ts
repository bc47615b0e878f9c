import { defineProject } from 'vitest/config';
import { ciRetry, workspaceSourceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceSourceAliases() },
  test: {
    name: 'dci',
    include: ['test/**/*.test.ts'],
    retry: ciRetry,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
