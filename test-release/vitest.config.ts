import { defineProject } from 'vitest/config';
import { ciRetry } from '../vitest.shared.js';

export default defineProject({
  test: {
    name: 'release',
    include: ['*.test.ts'],
    retry: ciRetry,
    // Publishing to a local registry and installing from it with fresh caches takes minutes, not seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
