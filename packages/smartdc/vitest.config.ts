import { defineProject } from 'vitest/config';
import { ciRetry, workspaceSourceAliases } from '../../vitest.shared.js';

export default defineProject({
  resolve: { alias: workspaceSourceAliases() },
  test: {
    name: 'smartdc',
    include: ['test/**/*.test.ts'],
    retry: ciRetry,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
