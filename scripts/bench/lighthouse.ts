/**
 * Lighthouse scores for `npm run bench`: the npm package `lighthouse`, run programmatically against
 * Debian's Chromium (/usr/bin/chromium, started here headless with a DevTools port; no browser is
 * ever downloaded). Each page is audited with Lighthouse's default (mobile: emulated phone,
 * simulated slow 4G and 4× CPU slowdown) and desktop configurations, served compressed with the
 * README's cache headers (tests/static-server.ts), as a CDN would serve dist/.
 *
 * Lighthouse (about 110 packages) is not part of the project's install: the first run of this
 * section installs the pinned version into .cache/bench/lighthouse/ (npm, from the registry) and
 * loads it from there; `npm ci` and the tests never fetch it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM, CHROMIUM_ARGS } from './browser.ts';

/** The Lighthouse release the scores are measured with. */
export const LIGHTHOUSE_VERSION = '13.5.0';
const LH_DIR = fileURLToPath(new URL('../../.cache/bench/lighthouse/', import.meta.url));

/** What this module uses of Lighthouse's result (lhr). */
interface Lhr {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, { id: string; title: string; score: number | null; displayValue?: string; details?: unknown } | undefined>;
  runtimeError?: { code: string; message: string };
}
type LighthouseFn = (url: string, flags: Record<string, unknown>, config?: unknown) => Promise<{ lhr: Lhr } | undefined>;

/** Lighthouse, installed into .cache/bench/lighthouse/ on first use. */
async function loadLighthouse(log: (s: string) => void): Promise<{ lighthouse: LighthouseFn; desktopConfig: unknown }> {
  const entry = join(LH_DIR, 'node_modules/lighthouse/core/index.js');
  if (!existsSync(entry)) {
    log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${LH_DIR} (once; not part of the project's install)`);
    mkdirSync(LH_DIR, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', LH_DIR, '--no-save', '--no-audit', '--no-fund', '--no-package-lock', `lighthouse@${LIGHTHOUSE_VERSION}`], { stdio: 'inherit' });
    if (r.status !== 0 || !existsSync(entry)) throw new Error(`could not install lighthouse@${LIGHTHOUSE_VERSION} into ${LH_DIR}`);
  }
  const mod = (await import(pathToFileURL(entry).href)) as { default: LighthouseFn; desktopConfig: unknown };
  return { lighthouse: mod.default, desktopConfig: mod.desktopConfig };
}

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface LighthouseScores {
  url: string;
  /** 0–100 per category; null when Lighthouse gave no score (a runtime error) */
  mobile: Record<Category, number | null>;
  desktop: Record<Category, number | null>;
  /** failing audits (score < 1) of the categories other than performance, and the biggest performance opportunities */
  notes: string[];
  runtimeError?: string;
}

/** Starts headless Chromium with a DevTools port; resolves with the port once it listens. */
async function startChromium(): Promise<{ port: number; proc: ChildProcess; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'koryu-lh-'));
  const proc = spawn(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise<number>((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error(`${CHROMIUM} did not open a DevTools port within 30 s:\n${err}`)), 30_000);
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) {
        clearTimeout(timer);
        ok(Number(m[1]));
      }
    });
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${CHROMIUM} exited (${code}) before opening a DevTools port:\n${err}`));
    });
  });
  return {
    port,
    proc,
    close: async () => {
      if (proc.exitCode === null) {
        const exited = new Promise((ok) => proc.once('exit', ok));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function scores(lhr: Lhr): Record<Category, number | null> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c]!.score! * 100)])) as Record<Category, number | null>;
}

/** The first offending nodes of a table audit, e.g. `<link … href="/"> (Relative href value)`. */
function examples(details: unknown): string {
  type Item = { source?: { snippet?: string }; node?: { snippet?: string }; subItems?: { items?: { reason?: string }[] } };
  const items = ((details as { items?: Item[] } | undefined)?.items ?? []).slice(0, 2);
  const shown = items
    .map((i) => {
      const snippet = i.source?.snippet ?? i.node?.snippet;
      const reason = i.subItems?.items?.[0]?.reason;
      return snippet ? `${snippet}${reason ? ` (${reason})` : ''}` : '';
    })
    .filter(Boolean);
  return shown.length ? `: ${shown.join('; ')}` : '';
}

function notesOf(lhr: Lhr, form: string): string[] {
  const notes: string[] = [];
  for (const c of CATEGORIES) {
    const cat = lhr.categories[c];
    if (!cat) continue;
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ref.weight === 0 || a.score === null || a.score >= 1) continue;
      if (c === 'performance') notes.push(`${form} ${c}: ${a.id} ${a.displayValue ?? ''} (score ${Math.round(a.score * 100)})`.replace(/\s+/g, ' '));
      else notes.push(`${c}: ${a.id} — ${a.title}${examples(a.details)}`); // the same in both forms: listed once
    }
  }
  return notes;
}

/** Audits each URL (mobile and desktop) in one Chromium; returns one row per URL. */
export async function runLighthouse(urls: string[], log: (s: string) => void = () => {}): Promise<LighthouseScores[]> {
  const { lighthouse, desktopConfig } = await loadLighthouse(log);
  const chrome = await startChromium();
  const out: LighthouseScores[] = [];
  try {
    for (const url of urls) {
      const row: LighthouseScores = { url, mobile: {} as LighthouseScores['mobile'], desktop: {} as LighthouseScores['desktop'], notes: [] };
      for (const form of ['mobile', 'desktop'] as const) {
        log(`lighthouse ${form} ${url}`);
        const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, form === 'desktop' ? desktopConfig : undefined);
        if (!r) throw new Error(`lighthouse returned nothing for ${url}`);
        row[form] = scores(r.lhr);
        for (const n of notesOf(r.lhr, form)) if (!row.notes.includes(n)) row.notes.push(n);
        if (r.lhr.runtimeError) row.runtimeError = `${r.lhr.runtimeError.code}: ${r.lhr.runtimeError.message}`;
      }
      out.push(row);
    }
  } finally {
    await chrome.close();
  }
  return out;
}
