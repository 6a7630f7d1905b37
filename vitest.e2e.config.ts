import { defineConfig } from 'vitest/config';

// Browser tests (`npm run test:e2e`): tests/**/*.e2e.ts against the built site in dist/.
// tests/e2e-setup.ts serves dist/ on a free 127.0.0.1 port and starts one headless Debian Chromium
// (/usr/bin/chromium, see scripts/ensure-chromium.sh); tests reach both through tests/helpers.ts.
// The unit tests stay in vitest.config.ts (`npm run test:unit`).
export default defineConfig({
  test: {
    include: ['tests/**/*.e2e.ts'],
    globalSetup: ['tests/e2e-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { TZ: 'Asia/Tokyo' },
    // The JSON report feeds scripts/test-summary.ts (one closing line for CI).
    reporters: ['default', ['json', { outputFile: '.cache/test-results/e2e.json' }]],
  },
});
