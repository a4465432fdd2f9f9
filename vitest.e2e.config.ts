import { defineConfig } from 'vitest/config';
import { EXTENSION_SOURCE_ALIAS } from './vite.config';

// End-to-end tests drive the production build in real Chromium, so no WXT plugin or fake browser:
// `npm run build` must have run first. The alias resolves the extension modules the tests import.
export default defineConfig({
  resolve: { alias: EXTENSION_SOURCE_ALIAS },
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.test.ts'],
    // One browser at a time: CI has two cores, and Chromium wants both.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 30_000,
    teardownTimeout: 15_000,
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
