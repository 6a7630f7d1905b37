/**
 * Browser figures for `npm run bench`, in Debian's Chromium driven by playwright-core:
 *
 *   pageWeight   a page's first view in a fresh context (no cache), served compressed the way a CDN
 *                would (tests/static-server.ts with gzip or brotli): requests, bytes over the wire
 *                (encoded bodies + response headers), decoded bytes, and the scripts among them.
 *                For the directory also what the first search adds (the index and the engine chunk).
 *   keystrokes   search latency per keystroke on the directory: every query of QUERIES typed into
 *                #q one character at a time. In the page, a capture listener notes each input event's
 *                time stamp and a MutationObserver over the result list and the result count
 *                ([data-result-count]) notes when the DOM changed ("update": the results are there);
 *                a requestAnimationFrame + setTimeout after that notes when the next frame has been
 *                rendered ("frame"). The directory script's own User Timing measures
 *                (directory-update, directory-frame) are collected beside them as a cross-check, and
 *                stand in for a keystroke that changes nothing in the DOM. Keystrokes are measured
 *                one at a time: after each, the page is let go idle (the deferred highlighting and
 *                facet counts, the URL update) before the next. Clearing the box between queries is
 *                measured apart ("clear": every item comes back).
 */
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e-setup.ts';

export { CHROMIUM, CHROMIUM_ARGS };

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

// ---------------------------------------------------------------------------------------------
// Page weight

export interface Weight {
  requests: number;
  /** bytes over the wire: encoded bodies + response headers */
  wire: number;
  /** decoded body bytes */
  raw: number;
  /** script responses among them */
  scripts: { requests: number; wire: number; raw: number };
}

/** Scripts written into the HTML (no src): their text, counted apart since they travel inside the page. */
export interface InlineScripts {
  count: number;
  /** their source text, to measure raw and compressed by itself */
  text: string;
}

const emptyWeight = (): Weight => ({ requests: 0, wire: 0, raw: 0, scripts: { requests: 0, wire: 0, raw: 0 } });

function subtract(a: Weight, b: Weight): Weight {
  return {
    requests: a.requests - b.requests,
    wire: a.wire - b.wire,
    raw: a.raw - b.raw,
    scripts: { requests: a.scripts.requests - b.scripts.requests, wire: a.scripts.wire - b.scripts.wire, raw: a.scripts.raw - b.scripts.raw },
  };
}

/**
 * Counts every finished request of a page into a Weight: bytes over the wire from Playwright's
 * request sizes (the DevTools protocol's), decoded sizes from the page's Resource Timing entries
 * (response bodies of megabytes are not kept by the protocol). `settle` waits until every request
 * started has ended.
 */
function meter(page: Page): { settle(): Promise<void>; snapshot(): Promise<Weight> } {
  const seen: { url: string; wire: number; script: boolean }[] = [];
  const pending: Promise<void>[] = [];
  let started = 0;
  let ended = 0;
  const add = async (req: Request) => {
    if (!(await req.response())) return;
    const sizes = await req.sizes();
    seen.push({ url: req.url(), wire: sizes.responseBodySize + sizes.responseHeadersSize, script: req.resourceType() === 'script' });
  };
  page.on('request', () => void started++);
  page.on('requestfinished', (req) => {
    ended++;
    pending.push(add(req));
  });
  page.on('requestfailed', () => void ended++);
  return {
    settle: async () => {
      // Playwright may report a request (even its start) a little after the network went idle: wait
      // until it has reported as many as the page's own Resource Timing knows of.
      await page.waitForFunction(() => document.readyState === 'complete', null, { timeout: 180_000 });
      const known = await page.evaluate(() => performance.getEntriesByType('navigation').length + performance.getEntriesByType('resource').length);
      for (const t0 = Date.now(); (ended < started || ended < known) && Date.now() - t0 < 10_000; ) await new Promise((ok) => setTimeout(ok, 20));
      while (pending.length) await pending.shift();
    },
    snapshot: async () => {
      const decoded = new Map(
        await page.evaluate(() =>
          [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map(
            (e) => [e.name, (e as PerformanceResourceTiming).decodedBodySize] as [string, number],
          ),
        ),
      );
      const w = emptyWeight();
      for (const r of seen) {
        const raw = decoded.get(r.url) ?? 0;
        w.requests++;
        w.wire += r.wire;
        w.raw += raw;
        if (r.script) {
          w.scripts.requests++;
          w.scripts.wire += r.wire;
          w.scripts.raw += raw;
        }
      }
      return w;
    },
  };
}

/**
 * The first view of `path` (loaded until the network is idle) and, for a page with the directory
 * search, what focusing the search box adds (index + engine). Fresh context: nothing cached.
 */
export async function pageWeight(browser: Browser, baseURL: string, path: string): Promise<{ first: Weight; inline: InlineScripts; search?: Weight }> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const m = meter(page);
    await page.goto(path, { waitUntil: 'networkidle', timeout: 180_000 });
    await m.settle();
    const first = await m.snapshot();
    const inline = await page.evaluate(() => {
      const js = [...document.querySelectorAll('script:not([src])')].filter((s) => ['', 'module', 'text/javascript', 'application/javascript'].includes(s.getAttribute('type') ?? ''));
      return { count: js.length, text: js.map((s) => s.textContent ?? '').join('\n') };
    });
    if (!(await page.locator('[data-directory] #q').count())) return { first, inline };
    await page.focus('#q');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /search-index/.test(e.name)), null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    await m.settle();
    return { first, inline, search: subtract(await m.snapshot(), first) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Search latency per keystroke

/** Japanese, English and romaji names, country names and aliases: ~30 queries. */
export const QUERIES = [
  'ボルドー', 'Bordeaux', 'borudo',
  'ガジャマダ', 'gajamada',
  'ソウル', 'Seoul', 'souru',
  '清華', 'tsinghua', 'qinghua',
  'マヒドン', 'mahidol',
  '北京', 'beijing',
  'モナシュ', 'monash',
  'カリフォルニア', 'university of', '国立大学',
  '米国', 'アメリカ', 'USA', 'United States',
  'ドイツ', 'Germany', '中国', 'China', 'インドネシア', '台湾',
];

export interface KeystrokeSample {
  query: string;
  /** the box's value after the keystroke */
  value: string;
  kind: 'type' | 'clear';
  /** input event → DOM updated (MutationObserver), ms; null when the DOM did not change */
  update: number | null;
  /** input event → next frame rendered, ms */
  frame: number | null;
  /** the directory script's own measures for the same keystroke, when it records them */
  pageUpdate: number | null;
  pageFrame: number | null;
  /** result count text after the keystroke */
  count: string;
  /** visible result items after the keystroke */
  shown: number;
  /** result count text once the page has settled (fuzzy matches added, idle work done) */
  settledCount: string;
}

/** Installed in the page: the probe described in the header. */
function installProbe(): void {
  type Pending = {
    t0: number; value: string; update: number | null; frame: number | null; pageUpdate: number | null; pageFrame: number | null;
    done: Promise<void>; finish: () => void; finished: boolean;
  };
  const w = window as unknown as { __bench: { pending: Pending | null } };
  if (w.__bench) return;
  w.__bench = { pending: null };
  const list = document.querySelector('[data-results]');
  const count = document.querySelector('[data-result-count]');
  if (!list || !count) throw new Error('directory DOM contract missing: [data-results] / [data-result-count]');
  const afterFrame = (f: () => void) => requestAnimationFrame(() => setTimeout(f, 0));
  const mo = new MutationObserver(() => {
    const p = w.__bench.pending;
    if (!p || p.update !== null || p.finished) return;
    p.update = performance.now() - p.t0;
    afterFrame(() => {
      p.frame = performance.now() - p.t0;
      p.finish();
    });
  });
  const opts = { subtree: true, childList: true, attributes: true, characterData: true };
  mo.observe(list, opts);
  mo.observe(count, opts);
  // The page's own measures (src/scripts/directory.ts), matched to the keystroke by start time.
  new PerformanceObserver((entries) => {
    const p = w.__bench.pending;
    if (!p) return;
    for (const e of entries.getEntries()) {
      if (e.startTime < p.t0 - 1) continue;
      if (e.name === 'directory-update' && p.pageUpdate === null) p.pageUpdate = e.startTime + e.duration - p.t0;
      if (e.name === 'directory-frame' && p.pageFrame === null) {
        p.pageFrame = e.startTime + e.duration - p.t0;
        // Nothing changed in the DOM for this keystroke: the page's own figures are all there is.
        if (p.update === null) setTimeout(() => p.update === null && p.finish(), 50);
      }
    }
  }).observe({ type: 'measure', buffered: false });
  window.addEventListener(
    'input',
    (ev) => {
      const t = ev.target as HTMLInputElement;
      if (t.id !== 'q') return;
      let finish!: () => void;
      const done = new Promise<void>((ok) => (finish = ok));
      const p: Pending = { t0: ev.timeStamp, value: t.value, update: null, frame: null, pageUpdate: null, pageFrame: null, done, finish: () => {}, finished: false };
      p.finish = () => {
        if (p.finished) return;
        p.finished = true;
        finish();
      };
      w.__bench.pending = p;
    },
    { capture: true },
  );
}

/** Resolves when the last keystroke's results are shown (or after `timeout` ms), with its figures. */
function collect(timeout: number) {
  type P = { t0: number; value: string; update: number | null; frame: number | null; pageUpdate: number | null; pageFrame: number | null; done: Promise<void> };
  const p = (window as unknown as { __bench: { pending: P | null } }).__bench.pending;
  if (!p) return Promise.resolve(null);
  return Promise.race([p.done, new Promise((ok) => setTimeout(ok, timeout))]).then(() => ({
    value: p.value,
    update: p.update ?? p.pageUpdate,
    frame: p.frame ?? p.pageFrame,
    pageUpdate: p.pageUpdate,
    pageFrame: p.pageFrame,
    count: document.querySelector('[data-result-count]')?.textContent?.trim() ?? '',
    shown: document.querySelectorAll('[data-results] > li[data-partner]:not([hidden])').length,
  }));
}

/** Lets the page finish what it defers after a keystroke (idle work, the URL update after 150 ms). */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((ok) =>
        setTimeout(() => ('requestIdleCallback' in window ? requestIdleCallback(() => ok(), { timeout: 2000 }) : ok()), 170),
      ),
  );
}

async function measureInput(page: Page, query: string, kind: 'type' | 'clear', act: () => Promise<void>, timeout: number): Promise<KeystrokeSample> {
  await page.evaluate(() => void ((window as unknown as { __bench: { pending: unknown } }).__bench.pending = null));
  await act();
  const r = await page.evaluate(collect, timeout);
  await settle(page);
  if (!r) throw new Error(`no input event seen for ${JSON.stringify(query)} (${kind})`);
  const settledCount = await page.evaluate(() => document.querySelector('[data-result-count]')?.textContent?.trim() ?? '');
  return { query, kind, ...r, settledCount };
}

async function clearBox(page: Page): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
}

/**
 * Types every query into the directory at `baseURL + path`, one character at a time, and returns one
 * sample per keystroke and per clearing of the box.
 */
export async function keystrokes(browser: Browser, baseURL: string, path: string, queries = QUERIES, timeout = 10_000): Promise<KeystrokeSample[]> {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(path, { waitUntil: 'load', timeout: 180_000 });
    if (!(await page.locator('#q').count())) throw new Error(`${path}: no search box #q`);
    await page.evaluate(installProbe);
    // Warm-up, not counted: the first focus loads the index and the engine.
    await page.focus('#q');
    await page.keyboard.type('a');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-directory]')?.dataset.ready === 'true', null, { timeout: 60_000 });
    await page.evaluate(collect, timeout);
    await settle(page);
    await clearBox(page);
    await page.evaluate(collect, timeout);
    await settle(page);

    const samples: KeystrokeSample[] = [];
    for (const q of queries) {
      for (const ch of q) samples.push(await measureInput(page, q, 'type', () => page.keyboard.type(ch), timeout));
      samples.push(await measureInput(page, q, 'clear', () => clearBox(page), timeout));
    }
    if (errors.length) throw new Error(`${path}: page errors while typing:\n${errors.join('\n')}`);
    return samples;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
