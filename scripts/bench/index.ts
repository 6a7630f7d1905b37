/**
 * `npm run bench [-- --only pipeline|browser|lighthouse] [--x50 all|directory] [--k 50] [--reuse]`:
 * the project's speed and size as printed figures, never pass/fail. Sections (all by default;
 * `--only` takes one or a comma-separated list):
 *
 *   pipeline    the data pipeline on the real sources and on 10× and 50× synthetic input (pipeline.ts)
 *   browser     builds the site from the real data and from a 50× synthetic dataset
 *               (synthetic-data.ts, build-site.ts), prints both builds' time and peak memory, then in
 *               Debian's Chromium (browser.ts): page weight of the first view (requests, bytes over the
 *               wire gzip and brotli), JS shipped per page type, and search latency per keystroke on
 *               the directory at both sizes
 *   lighthouse  Lighthouse scores (mobile and desktop) of every page type, ja and en where the
 *               pages differ (lighthouse.ts); --pages /a/,/en/b/ audits only those
 *
 * Everything it builds stays under .cache/bench/ (never dist/ or data/build/); the raw results are
 * written to .cache/bench/results.json. `--x50 directory` builds only the directory pages and the
 * search index from the 50× data (about 20 s instead of about 3 minutes); `--reuse` keeps builds
 * from an earlier run when they are there; `--k` sets the synthetic site's multiple (the pipeline
 * section's scales are fixed). Chromium comes from scripts/ensure-chromium.sh (apt).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { pipelineBench } from './pipeline.ts';
import { ROOT, buildSite, type BuildResult } from './build-site.ts';
import { writeSyntheticData } from './synthetic-data.ts';
import { startStaticServer, type StaticServer } from '../../tests/static-server.ts';

const SECTIONS = ['pipeline', 'browser', 'lighthouse'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    x50: { type: 'string', default: 'all' },
    k: { type: 'string', default: '50' },
    reuse: { type: 'boolean', default: false },
    pages: { type: 'string' },
  },
});
const usage = (msg: string): never => {
  console.error(`npm run bench: ${msg}\nusage: npm run bench -- [--only pipeline|browser|lighthouse[,…]] [--x50 all|directory] [--k 50] [--reuse] [--pages /a/,/en/b/]`);
  process.exit(2);
};
const only = new Set((values.only ?? SECTIONS.join(',')).split(',').map((s) => s.trim()).filter(Boolean));
for (const s of only) if (!SECTIONS.includes(s as Section)) usage(`--only: unknown section ${s} (one of ${SECTIONS.join(', ')})`);
if (values.x50 !== 'all' && values.x50 !== 'directory') usage(`--x50: all or directory, not ${values.x50}`);
const K = Number(values.k);
if (!Number.isInteger(K) || K < 2) usage(`--k: an integer ≥ 2, not ${values.k}`);
const run = (s: Section) => only.has(s);

const BENCH = join(ROOT, '.cache/bench');
const REAL = { data: join(BENCH, 'real/data'), dist: join(BENCH, 'real/dist'), work: join(BENCH, 'real') };
const SYN = { data: join(BENCH, `x${K}/data`), dist: join(BENCH, `x${K}/dist`), work: join(BENCH, `x${K}`) };
const results: Record<string, unknown> = { startedAt: new Date().toISOString(), node: process.version };

const print = (s = '') => console.log(s);
const progress = (s: string) => process.stderr.write(`  … ${s}\n`);
const heading = (s: string) => print(`\n== ${s} ${'='.repeat(Math.max(0, 96 - s.length))}`);

/** Left-aligned first column, right-aligned others. */
function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  for (const [n, r] of cells.entries()) {
    print(r.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ').trimEnd());
    if (n === 0) print(w.map((x) => '-'.repeat(x)).join('  '));
  }
}
const kb = (b: number) => (b / 1000).toFixed(1);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '—');
const int = (n: number) => n.toLocaleString('en-GB');

// ---------------------------------------------------------------------------------------------
if (run('pipeline')) {
  heading('pipeline');
  results.pipeline = pipelineBench(print);
}

if (run('browser') || run('lighthouse')) {
  const ensure = spawnSync('bash', [join(ROOT, 'scripts/ensure-chromium.sh')], { stdio: 'inherit' });
  if (ensure.status !== 0) throw new Error('scripts/ensure-chromium.sh failed: Chromium is needed for the browser and lighthouse sections');

  heading('site builds');
  const builds: [string, BuildResult | null, string][] = [];
  const fresh = (dir: string) => !(values.reuse && existsSync(join(dir, 'partners/index.html')));
  if (fresh(REAL.dist)) {
    progress('pipeline → .cache/bench/real/data');
    mkdirSync(REAL.data, { recursive: true });
    const data = spawnSync(process.execPath, [join(ROOT, 'scripts/build-data.ts'), '--out', REAL.data], { cwd: ROOT, encoding: 'utf8' });
    if (!existsSync(join(REAL.data, 'partners.json'))) throw new Error(`the pipeline wrote no data:\n${data.stdout}\n${data.stderr}`);
    if (data.status !== 0) progress(`the pipeline reported problems (exit ${data.status}); measuring its output anyway`);
    progress('astro build (real data) → .cache/bench/real/dist');
    builds.push(['real data', buildSite({ dataDir: REAL.data, outDir: REAL.dist, work: REAL.work }), '']);
  } else builds.push(['real data', null, '']);
  if (run('browser')) {
    if (fresh(SYN.dist)) {
      progress(`synthetic ${K}× data → .cache/bench/x${K}/data`);
      rmSync(SYN.data, { recursive: true, force: true });
      const syn = writeSyntheticData(REAL.data, SYN.data, K);
      results.synthetic = syn;
      progress(`astro build (${K}× data, ${values.x50 === 'all' ? 'every page' : 'directory and search index only'}) → .cache/bench/x${K}/dist`);
      builds.push([`${K}× synthetic`, buildSite({ dataDir: SYN.data, outDir: SYN.dist, work: SYN.work, pages: values.x50 as 'all' | 'directory' }), 'under 600 s and 4096 MB']);
    } else builds.push([`${K}× synthetic`, null, '']);
  }
  const partnersIn = (dir: string) => (JSON.parse(readFileSync(join(dir, 'partners.json'), 'utf8')) as unknown[]).length;
  table(
    ['build', 'partners', 'pages', 'time s', 'peak RSS MB', 'target'],
    builds.map(([name, b, target]) => [
      name,
      int(partnersIn(name === 'real data' ? REAL.data : SYN.data)),
      b ? int(b.pages) : '(reused)',
      b ? (b.ms / 1000).toFixed(1) : '—',
      b ? b.maxRssMB.toFixed(0) : '—',
      target,
    ]),
  );
  results.builds = builds.map(([name, b]) => ({ name, ...b }));
  if (results.synthetic) {
    const s = results.synthetic as { ms: number; rows: Record<string, number> };
    print(`(${K}× data written in ${(s.ms / 1000).toFixed(1)} s: ${int(s.rows.partners!)} partners, ${int(s.rows.agreements!)} agreements, ${int(s.rows.programmes!)} programmes; build = astro build in a child process, peak RSS of that process)`);
  }
}

/** The heaviest page under a route of a built site (its largest index.html): the worst case to weigh. */
function largestPage(distDir: string, route: string): string | undefined {
  const dir = join(distDir, route);
  if (!existsSync(dir)) return undefined;
  const sizes = readdirSync(dir).map((id) => [id, existsSync(join(dir, id, 'index.html')) ? statSync(join(dir, id, 'index.html')).size : 0] as const);
  const top = sizes.sort((a, b) => b[1] - a[1])[0];
  return top && top[1] > 0 ? `/${route}/${top[0]}/` : undefined;
}

/** The sample pages: Gadjah Mada (the README's question) and the country with the most partners. */
function samplePages(dataDir: string): { partner: string; country: string } {
  const partners = JSON.parse(readFileSync(join(dataDir, 'partners.json'), 'utf8')) as { id: string; country: string; name: { ja: string } }[];
  const partner = partners.find((p) => p.name.ja === 'ガジャマダ大学')?.id ?? partners[0]!.id;
  const n = new Map<string, number>();
  for (const p of partners) n.set(p.country, (n.get(p.country) ?? 0) + 1);
  const country = [...n].sort((a, b) => b[1] - a[1])[0]![0].toLowerCase();
  return { partner: `/partners/${partner}/`, country: `/countries/${country}/` };
}

if (run('browser')) {
  const { launch, pageWeight, keystrokes, quantile, QUERIES } = await import('./browser.ts');
  const servers: StaticServer[] = [];
  const serve = async (dir: string, compression: 'gzip' | 'br') => {
    const s = await startStaticServer(dir, 0, { compression, cache: 'deploy' });
    servers.push(s);
    return s.url;
  };
  const browser = await launch();
  try {
    const real = { gzip: await serve(REAL.dist, 'gzip'), br: await serve(REAL.dist, 'br') };
    const syn = { gzip: await serve(SYN.dist, 'gzip'), br: await serve(SYN.dist, 'br') };
    const { partner, country } = samplePages(REAL.data);
    const full = existsSync(join(SYN.dist, 'index.html'));
    const unit = largestPage(REAL.dist, 'units');
    const pages: [string, string, typeof real][] = [
      ['home', '/', real],
      ['directory', '/partners/', real],
      ['directory (en)', '/en/partners/', real],
      ['partner', partner, real],
      ['country (most partners)', country, real],
      ['university (most partners, with its map)', '/universities/tsukuba/', real],
      ['university (en)', '/en/universities/tsukuba/', real],
      ['programme finder', '/programmes/', real],
      ['stats', '/stats/', real],
      ['stats (en)', '/en/stats/', real],
      ['stats view (by country, with its map)', '/stats/view/student-outbound-country/', real],
      ['stats view (en, balance by country)', '/en/stats/view/student-balance-country/', real],
      ['stats view (by unit)', '/stats/view/staff-outbound-unit/', real],
      ['all charts', '/stats/all/', real],
      ['compare', '/compare/', real],
      ['compare (en)', '/en/compare/', real],
      ['pair (most shared)', '/compare/osaka-tsukuba/', real],
      ['pair (en)', '/en/compare/osaka-tsukuba/', real],
      ...(unit ? ([['unit (largest)', unit, real]] as [string, string, typeof real][]) : []),
      [`directory, ${K}×`, '/partners/', syn],
      ...(full ? ([[`country, ${K}×`, country, syn]] as [string, string, typeof real][]) : []),
    ];
    type PageWeight = Awaited<ReturnType<typeof pageWeight>>;
    const weights: { name: string; path: string; gzip: PageWeight; br: PageWeight }[] = [];
    for (const [name, path, site] of pages) {
      progress(`page weight ${name} ${path}`);
      const g = await pageWeight(browser, site.gzip, path);
      const b = await pageWeight(browser, site.br, path);
      weights.push({ name, path, gzip: g, br: b });
    }
    const slim = (x: PageWeight) => ({ ...x, inline: { count: x.inline.count, bytes: Buffer.byteLength(x.inline.text) } });
    results.pageWeight = weights.map((w) => ({ ...w, gzip: slim(w.gzip), br: slim(w.br) }));

    heading('page weight: first view (fresh cache, until the network is idle)');
    print('served as a CDN would: gzip -9 or brotli 11 (9 above 1 MB) on text; bytes over the wire = encoded bodies + response headers; KB = 1000 bytes');
    const rows: (string | number)[][] = [];
    for (const w of weights) {
      rows.push([`${w.name}  ${w.path}`, w.gzip.first.requests, kb(w.gzip.first.raw), kb(w.gzip.first.wire), kb(w.br.first.wire), w.name.includes('×') ? '' : w.name.startsWith('stats view') ? '< 60 KB compressed' : w.name.startsWith('stats') || w.name === 'all charts' ? '< 120 KB compressed' : '< 100 KB compressed']);
      if (w.gzip.search && !w.name.includes('×')) {
        const s = w.gzip.search;
        rows.push(['  + first search (index, engine)', `+${s.requests}`, `+${kb(s.raw)}`, `+${kb(s.wire)}`, `+${kb(w.br.search!.wire)}`, '']);
      }
      if (w.gzip.search && w.name.includes('×')) {
        rows.push(['  + first search (index, engine)', `+${w.gzip.search.requests}`, `+${kb(w.gzip.search.raw)}`, `+${kb(w.gzip.search.wire)}`, `+${kb(w.br.search!.wire)}`, '']);
      }
    }
    table(['page', 'requests', 'raw KB', 'gzip KB', 'brotli KB', 'target'], rows);

    heading('JS shipped per page type');
    print('script responses (raw = decoded; gzip/brotli = over the wire) plus scripts written into the HTML (compressed by themselves)');
    const inlineSize = (t: string) => ({ raw: Buffer.byteLength(t), gzip: t ? gzipSync(t, { level: 9 }).length : 0, br: t ? brotliCompressSync(t, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length : 0 });
    const jsRows: (string | number)[][] = [];
    for (const w of weights.filter((x) => !x.name.includes('×') && x.name !== 'directory (en)')) {
      const i = inlineSize(w.gzip.inline.text);
      const s = w.gzip.first.scripts;
      jsRows.push([w.name, `${s.requests} + ${w.gzip.inline.count} inline`, kb(s.raw + i.raw), kb(s.wire + i.gzip), kb(w.br.first.scripts.wire + i.br)]);
      if (w.gzip.search) {
        const t = w.gzip.search.scripts;
        jsRows.push([`${w.name}: first search adds`, `+${t.requests}`, `+${kb(t.raw)}`, `+${kb(t.wire)}`, `+${kb(w.br.search!.scripts.wire)}`]);
      }
    }
    table(['page type', 'scripts', 'raw KB', 'gzip KB', 'brotli KB'], jsRows);

    heading('stats page: charts');
    {
      // Layout shift while the stats page loads and its script runs (target: none), and the time to
      // compute and render every chart of the page in both languages (done at build time).
      const context = await browser.newContext({ baseURL: real.br, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __cls: number };
        w.__cls = 0;
        new PerformanceObserver((list) => { for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!e.hadRecentInput) w.__cls += e.value; }).observe({ type: 'layout-shift', buffered: true });
      });
      await page.goto('/stats/', { waitUntil: 'networkidle' });
      await page.waitForTimeout(500);
      const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
      const figures = await page.locator('figure.chart').count();
      await context.close();
      process.env.KORYU_DATA_DIR = REAL.data;
      const { statsCharts } = await import('../../src/lib/stats-charts.ts');
      const t0 = performance.now();
      const n = statsCharts('ja').length + statsCharts('en').length;
      const chartMs = performance.now() - t0;
      const stats = weights.find((w) => w.path === '/stats/');
      table(['figure', 'value', 'target'], [
        ['charts on /stats/', figures, ''],
        ['transfer, first view (gzip / brotli)', stats ? `${kb(stats.gzip.first.wire)} / ${kb(stats.br.first.wire)} KB` : '—', '< 120 KB compressed'],
        ['cumulative layout shift on load', cls.toFixed(3), '0'],
        ['computing and rendering all charts, ja + en', `${int(n)} charts in ${ms(chartMs)} ms`, ''],
      ]);
      results.stats = { figures, cls, charts: n, chartMs };
    }

    heading('stats: switching the explorer\'s view');
    {
      // The explorer's own measure of a switch (data-switch-ms: fetch or cache, swap the panel and the
      // choices, set up tabs and chart tooltips), over a walk through every choice on /stats/: once
      // cold (the view page not fetched yet), once warm (hovered first, as a pointer does before a
      // click; the page fetched on pointerover), and once more from the cache (the walk repeated).
      const times: Record<'cold' | 'warm' | 'cached', number[]> = { cold: [], warm: [], cached: [] };
      const STEPS = 8;
      const walk = async (kinds: ('cold' | 'warm' | 'cached')[]) => {
        const context = await browser.newContext({ baseURL: real.br, viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto('/stats/', { waitUntil: 'networkidle' });
        for (const kind of kinds) {
          if (kind === 'cached') {
            // Back through the views just walked: each is in the explorer's cache
            for (let i = 0; i < STEPS; i++) {
              const before = await page.locator('[data-explorer]').getAttribute('data-view');
              await page.goBack();
              await page.waitForFunction((v) => document.querySelector<HTMLElement>('[data-explorer]')?.dataset.view !== v, before);
              times.cached.push(Number(await page.locator('[data-explorer]').getAttribute('data-switch-ms')));
            }
            continue;
          }
          // each step takes another of the offered choices
          for (let i = 0; i < STEPS; i++) {
            const links = page.locator('[data-explorer] a[data-view-link]:not([aria-current])');
            const link = links.nth((i * 3) % (await links.count()));
            const id = (await link.getAttribute('data-view-link'))!;
            if (kind === 'warm') { await link.hover(); await page.waitForLoadState('networkidle'); await page.waitForTimeout(50); }
            await link.click();
            await page.waitForFunction((v) => document.querySelector<HTMLElement>('[data-explorer]')?.dataset.view === v, id);
            times[kind].push(Number(await page.locator('[data-explorer]').getAttribute('data-switch-ms')));
          }
        }
        await context.close();
      };
      await walk(['cold']);
      await walk(['warm', 'cached']);
      const line = (xs: number[]) => (xs.length ? `${ms(quantile(xs, 0.5))} / ${ms(Math.max(...xs))} ms (${xs.length} switches)` : '—');
      table(['switch, median / max', 'value', 'target'], [
        ['cold: the view page fetched on click (local server)', line(times.cold), ''],
        ['warm: fetched on hover, before the click', line(times.warm), '< 100 ms'],
        ['cached: Back to a view seen before', line(times.cached), '< 100 ms'],
      ]);
      results.explorerSwitch = times;
    }

    heading('compare: the picker');
    {
      // Time for the picker to recount and redraw (its own measure: data-compare-ms), ticking one
      // university off and on again, each of the five in turn, three rounds.
      const context = await browser.newContext({ baseURL: real.br, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto('/compare/', { waitUntil: 'networkidle' });
      const times: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const h of ['hiroshima', 'osaka', 'tmu', 'tsukuba', 'utokyo']) {
          for (const act of ['uncheck', 'check'] as const) {
            await page[act](`input[name="homes"][value="${h}"]`);
            times.push(Number(await page.evaluate(() => document.documentElement.dataset.compareMs)));
          }
        }
      }
      await context.close();
      table(['figure', 'value', 'target'], [['picker: recount and redraw, median / max', `${ms(quantile(times, 0.5))} / ${ms(Math.max(...times))} ms (${times.length} changes)`, '< 50 ms']]);
      results.comparePicker = times;
    }

    heading('search latency per keystroke (directory /partners/, Chromium headless, no CPU throttling)');
    print(`${QUERIES.length} queries typed one character at a time: ${QUERIES.join(', ')}`);
    print('update = input event → results in the DOM (MutationObserver on the list and the count); frame = → next frame rendered;');
    print("page = the directory script's own 'directory-update' measure; clear = emptying the box (every item back)");
    print(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}; 1-min load average before typing: ${os.loadavg()[0]!.toFixed(2)} (includes the builds just before; other work on the machine skews these figures)`);
    const lat: (string | number)[][] = [];
    const latency: Record<string, unknown> = {};
    for (const [name, site, target] of [['real', real.gzip, 16], [`${K}×`, syn.gzip, 50]] as const) {
      progress(`typing ${QUERIES.length} queries into /partners/ (${name})`);
      const samples = await keystrokes(browser, site, '/partners/');
      latency[name] = samples;
      const typed = samples.filter((s) => s.kind === 'type');
      const clears = samples.filter((s) => s.kind === 'clear');
      const v = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
      const upd = v(typed.map((s) => s.update));
      const frm = v(typed.map((s) => s.frame));
      const pg = v(typed.map((s) => s.pageUpdate));
      const cl = v(clears.map((s) => s.frame));
      lat.push([
        name,
        typed.length,
        ms(quantile(upd, 0.5)),
        ms(quantile(upd, 0.95)),
        ms(Math.max(...upd)),
        ms(quantile(frm, 0.5)),
        ms(quantile(frm, 0.95)),
        pg.length ? ms(quantile(pg, 0.95)) : 'none',
        ms(quantile(cl, 0.95)),
        `update p95 < ${target} ms`,
      ]);
      const slow = [...typed].sort((a, b) => (b.update ?? 0) - (a.update ?? 0)).slice(0, 3);
      latency[`${name}:slowest`] = slow.map((s) => `${JSON.stringify(s.value)} ${ms(s.update ?? NaN)} ms`);
      const lost = typed.filter((s) => s.update === null).length;
      if (lost) latency[`${name}:unmeasured`] = lost;
      // What each whole query found: the number in the result count once the page settled (exact
      // matches come first, fuzzy ones are added in idle time).
      const last = samples.filter((s, i) => s.kind === 'type' && samples[i + 1]?.kind === 'clear');
      const found = (s: (typeof samples)[number]) => (/\d/.test(s.settledCount) ? Number(s.settledCount.replace(/\D/g, '')) : s.shown);
      latency[`${name}:empty`] = last.filter((s) => found(s) === 0).map((s) => s.query);
      latency[`${name}:found`] = Object.fromEntries(last.map((s) => [s.query, found(s)]));
    }
    table(['data', 'keystrokes', 'update median', 'p95', 'max', 'frame median', 'p95', 'page p95', 'clear frame p95', 'target'], lat);
    for (const name of ['real', `${K}×`]) {
      print(`${name}: slowest keystrokes (update): ${(latency[`${name}:slowest`] as string[]).join('; ')}`);
      print(`${name}: results per query (settled): ${Object.entries(latency[`${name}:found`] as Record<string, number>).map(([q, n]) => `${q} ${n}`).join(', ')}`);
      const empty = latency[`${name}:empty`] as string[];
      if (empty.length) print(`${name}: queries ending with no result: ${empty.join(', ')}`);
      if (latency[`${name}:unmeasured`]) print(`${name}: ${latency[`${name}:unmeasured`]} keystroke(s) produced no measurable update within 10 s`);
    }
    results.latency = latency;
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
}

if (run('lighthouse')) {
  const { runLighthouse, CATEGORIES } = await import('./lighthouse.ts');
  const site = await startStaticServer(REAL.dist, 0, { compression: 'br', cache: 'deploy' });
  try {
    const { partner, country } = samplePages(REAL.data);
    const unit = largestPage(REAL.dist, 'units');
    const all: (readonly [string, string])[] = [
      ['home', '/'], ['home (en)', '/en/'], ['directory', '/partners/'], ['directory (en)', '/en/partners/'], ['partner', partner], ['partner (en)', `/en${partner}`], ['country', country],
      ['university', '/universities/tsukuba/'], ['university (en, Osaka)', '/en/universities/osaka/'], ['finder', '/programmes/'], ['finder (en)', '/en/programmes/'],
      ['stats', '/stats/'], ['stats (en)', '/en/stats/'], ['stats view (en, by country)', '/en/stats/view/student-outbound-country/'], ['stats view', '/stats/view/staff-balance-unit/'],
      ['data', '/data/'], ['data (en)', '/en/data/'], ['validation report', '/data/validation/'], ['partners with no registry record', '/data/validation/identities/'],
      ['compare', '/compare/'], ['pair (en)', '/en/compare/osaka-tsukuba/'], ...(unit ? [['unit (largest)', unit] as const] : []),
    ];
    // --pages /a/,/en/b/: only those (a page of the list by its path, or any other path)
    const pages = values.pages ? values.pages.split(',').map((p) => p.trim()).filter(Boolean).map((p) => all.find(([, q]) => q === p) ?? ([p, p] as const)) : all;
    const rows = await runLighthouse(pages.map(([, p]) => site.url + p), progress);
    heading('Lighthouse (ja pages unless marked en; served with brotli and the README cache headers)');
    print('mobile = Lighthouse default (emulated phone, simulated slow 4G, 4× CPU slowdown); desktop = its desktop preset');
    table(
      ['page', 'performance mobile', 'desktop', 'accessibility', 'best practices', 'SEO'],
      [
        ['target', '≥ 95', '≥ 95', '100', '100', '100'],
        ...rows.map((r, i) => [
          `${pages[i]![0]}  ${pages[i]![1]}`,
          r.mobile.performance ?? '—',
          r.desktop.performance ?? '—',
          ...CATEGORIES.slice(1).map((c) => (r.mobile[c] === r.desktop[c] ? (r.mobile[c] ?? '—') : `${r.mobile[c] ?? '—'} / ${r.desktop[c] ?? '—'}`)),
        ]),
      ],
    );
    const notes = [...new Set(rows.flatMap((r, i) => [...(r.runtimeError ? [`runtime error: ${r.runtimeError}`] : []), ...r.notes].map((n) => `${pages[i]![0]}: ${n}`)))];
    if (notes.length) {
      print('audits below full score:');
      for (const n of notes) print(`  ${n}`);
    }
    results.lighthouse = rows;
  } finally {
    await site.close();
  }
}

mkdirSync(BENCH, { recursive: true });
writeFileSync(join(BENCH, 'results.json'), JSON.stringify(results, null, 1));
print(`\n(raw results: .cache/bench/results.json)`);
