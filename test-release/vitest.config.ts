import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'release',
    include: ['*.test.ts'],
    // Publishing to a local registry and installing from it with fresh caches takes minutes, not seconds.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
