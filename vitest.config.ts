import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'test-release/vitest.config.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
  },
});
