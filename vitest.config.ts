import { defineConfig } from 'vitest/config';

// Unit, golden, invariant, determinism and fuzz tests (`npm run test:unit`). The browser tests
// (tests/**/*.e2e.ts) are not matched here: they run with vitest.e2e.config.ts (`npm run test:e2e`).
export default defineConfig({
  test: {
    include: ['scripts/**/*.test.ts', 'src/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    env: { TZ: 'Asia/Tokyo' },
    // The JSON report feeds scripts/test-summary.ts (one closing line for CI).
    reporters: ['default', ['json', { outputFile: '.cache/test-results/unit.json' }]],
  },
});
