/**
 * Shared pieces of the browser tests (`tests/**\/*.e2e.ts`, run by vitest.e2e.config.ts).
 *
 * `test` is vitest's test with fixtures:
 *   - `baseURL` (worker): origin of the static server over dist/ started by tests/e2e-setup.ts
 *   - `browser` (worker): the shared headless Chromium, connected once per worker over its wsEndpoint
 *   - `visit` (test): `visit(path, contextOptions?)` opens a fresh browser context and page, records
 *     console errors, page errors, failed local responses and every request to another origin
 *     (which is blocked: the site must not load external fonts, scripts or anything else), then
 *     navigates to `path`. Contexts are closed after the test.
 * `expectCleanVisit(v)` asserts nothing went wrong; `axeCheck(page)` / `expectNoSeriousA11yViolations(page)`
 * run axe-core in the page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test as base, expect, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page, type Response } from 'playwright-core';
import type { AxeResults, ImpactValue, Result, RunOptions } from 'axe-core';

export { expect };

export interface Visit {
  context: BrowserContext;
  page: Page;
  /** the main navigation's response */
  response: Response | null;
  /** `console.error` messages (and Chromium's own, e.g. "Failed to load resource"), with their location */
  consoleErrors: string[];
  /** uncaught exceptions in the page */
  pageErrors: string[];
  /** requests to any origin other than the local server — each one was aborted */
  foreignRequests: string[];
  /** subresources the local server answered with status ≥ 400 */
  badResponses: string[];
}

export type VisitFn = (path: string, options?: BrowserContextOptions) => Promise<Visit>;

const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:', 'javascript:']);

export async function openVisit(browser: Browser, baseURL: string, path: string, options: BrowserContextOptions = {}): Promise<Visit> {
  const origin = new URL(baseURL).origin;
  const isForeign = (url: string) => {
    const u = new URL(url);
    return !LOCAL_SCHEMES.has(u.protocol) && u.origin !== origin;
  };
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options });
  const visit: Omit<Visit, 'page' | 'response'> = { context, consoleErrors: [], pageErrors: [], foreignRequests: [], badResponses: [] };

  await context.route(
    (url) => isForeign(url.href),
    (route) => {
      visit.foreignRequests.push(`${route.request().method()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location();
    visit.consoleErrors.push(`${m.text()}${loc.url ? ` (${loc.url}:${loc.lineNumber + 1})` : ''}`);
  });
  page.on('pageerror', (e) => visit.pageErrors.push(e.stack ?? e.message));
  page.on('websocket', (ws) => {
    if (isForeign(ws.url().replace(/^ws/, 'http'))) visit.foreignRequests.push(`WEBSOCKET ${ws.url()}`);
  });
  page.on('response', (r) => {
    const req = r.request();
    if (req.isNavigationRequest() && req.frame() === page.mainFrame()) return;
    if (r.status() >= 400) visit.badResponses.push(`${r.status()} ${req.method()} ${r.url()}`);
  });

  const response = await page.goto(path, { waitUntil: 'load' });
  return { ...visit, page, response };
}

/** Asserts a visit had no console error, uncaught exception, failed subresource or foreign request. */
export function expectCleanVisit(v: Visit): void {
  const problems = {
    consoleErrors: v.consoleErrors,
    pageErrors: v.pageErrors,
    foreignRequests: v.foreignRequests,
    badResponses: v.badResponses,
  };
  expect(problems, `problems on ${v.page.url()}`).toEqual({ consoleErrors: [], pageErrors: [], foreignRequests: [], badResponses: [] });
}

export const test = base
  .extend('baseURL', { scope: 'worker' }, () => inject('baseURL'))
  .extend('browser', { scope: 'worker' }, async ({}, { onCleanup }) => {
    const browser = await chromium.connect(inject('wsEndpoint'));
    onCleanup(() => browser.close()); // disconnects this worker; the server closes it in global teardown
    return browser;
  })
  .extend('visit', async ({ browser, baseURL }, { onCleanup }) => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      await Promise.all(contexts.map((c) => c.close()));
    });
    const visit: VisitFn = async (path, options) => {
      const v = await openVisit(browser, baseURL, path, options);
      contexts.push(v.context);
      return v;
    };
    return visit;
  });

// ---------------------------------------------------------------------------------------------
// Accessibility (axe-core)

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA plus best practices) over the page and returns its violations.
 * The page needs JavaScript enabled. `context` narrows or excludes parts of the page, as in axe.run.
 */
export async function axeCheck(page: Page, context: unknown = null): Promise<Result[]> {
  // Evaluated through the debugging protocol rather than an inline <script>, so a page's CSP cannot block it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = { runOnly: { type: 'tag', values: AXE_TAGS }, resultTypes: ['violations'] };
  const results = await page.evaluate(
    ([ctx, opts]) => {
      const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe;
      return axe.run(ctx ?? document, opts);
    },
    [context, options] as const,
  );
  return results.violations;
}

/** One readable block per violation: id, impact, help, and each offending node's target and summary. */
export function formatViolations(violations: Result[]): string {
  return violations
    .map((v) =>
      [
        `${v.id} [${v.impact ?? 'unknown'}] ${v.help} (${v.helpUrl})`,
        ...v.nodes.map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s*\n\s*/g, ' ')}` : ''}`),
      ].join('\n'),
    )
    .join('\n');
}

const SERIOUS: ImpactValue[] = ['serious', 'critical'];

/**
 * Asserts axe finds no violation of impact serious or critical; the failure message lists each one's id,
 * impact, help, and the target of every offending node. Returns all violations (minor/moderate too).
 */
export async function expectNoSeriousA11yViolations(page: Page, context: unknown = null): Promise<Result[]> {
  const violations = await axeCheck(page, context);
  const serious = violations.filter((v) => SERIOUS.includes(v.impact ?? null));
  if (serious.length > 0) {
    expect.fail(`axe: ${serious.length} serious/critical violation(s) on ${page.url()}:\n${formatViolations(serious)}`);
  }
  return violations;
}
