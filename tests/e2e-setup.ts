/**
 * Global setup of the browser tests (vitest.e2e.config.ts), run once in the main vitest process:
 * serves the built site (`dist/`) on a free 127.0.0.1 port and starts one headless Debian Chromium
 * as a Playwright browser server. Both are handed to the test workers through vitest's provide/inject
 * (`baseURL`, `wsEndpoint`); tests/helpers.ts connects each worker to the browser.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type StaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** origin of the static server over dist/, e.g. `http://127.0.0.1:41234` (no trailing slash) */
    baseURL: string;
    /** Playwright browser-server endpoint of the shared Chromium */
    wsEndpoint: string;
  }
}

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const DIST = resolve(import.meta.dirname, '..', 'dist');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing — build the site first (\`npm run test:e2e\` runs \`astro build\`)`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing — run \`bash scripts/ensure-chromium.sh\` (installs Debian's chromium and fonts-noto-cjk)`);
  }

  let site: StaticServer | undefined;
  let browser: BrowserServer | undefined;
  const teardown = async () => {
    await Promise.allSettled([browser?.close(), site?.close()]);
  };
  try {
    site = await startStaticServer(DIST);
    browser = await chromium.launchServer({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      host: '127.0.0.1',
      port: 0,
    });
  } catch (e) {
    await teardown();
    throw e;
  }
  project.provide('baseURL', site.url);
  project.provide('wsEndpoint', browser.wsEndpoint());
  return teardown;
}
