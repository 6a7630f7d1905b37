/**
 * The link checker of `npm test`: every internal href, src, srcset and meta-refresh URL on every
 * page of a built site must resolve to a file of that build, and every #fragment to an element id of
 * the page it names.
 *
 *   node scripts/check-links.ts [--dist DIR] [--site URL]    check a build (default dist/, served at /)
 *   node scripts/check-links.ts --sub-path URL               build the site for URL (data and pages,
 *                                                           SITE_URL=URL) into .cache/links/ and check it
 *
 * A link is internal when it is relative or root-relative, or absolute on the site's own origin; it
 * must then lie under the base path (a sub-path build linking to / is broken). Prints the counts and
 * each broken link with the page it is on; writes .cache/test-results/links.json (one test per
 * build checked) for scripts/test-summary.ts; exits 1 when any link is broken.
 */
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, relative, resolve, sep } from 'node:path';
import { parseSiteUrl } from './lib/site-url.ts';
import { htmlFiles } from './lib/sitemap.ts';

export interface LinkReport {
  pages: number;
  links: number;
  /** distinct internal targets (path + fragment) */
  targets: number;
  external: number;
  broken: { page: string; link: string; why: string }[];
}

const ATTR = /\s(?:href|src)\s*=\s*"([^"]*)"|\s(?:href|src)\s*=\s*'([^']*)'|\ssrcset\s*=\s*"([^"]*)"|<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]*)"/gi;
/** Fragment targets: any element's id, and an <a>'s name (not a <meta>'s). */
const ID = /\sid\s*=\s*"([^"]*)"|<a\s[^>]*\bname\s*=\s*"([^"]*)"/g;
const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Checks one build. `origin` (https://host) is the site's own origin, where SITE_URL gave one. */
export function checkLinks(dist: string, base = '/', origin?: string): LinkReport {
  const files = htmlFiles(dist);
  const idsOf = new Map<string, Set<string>>();
  const ids = (file: string) => {
    let s = idsOf.get(file);
    if (!s) {
      s = new Set([...readFileSync(file, 'utf8').matchAll(ID)].map((m) => decode(m[1] ?? m[2]!)));
      idsOf.set(file, s);
    }
    return s;
  };
  /** The file a site path names, if any: a file, or a folder's index.html. */
  const fileAt = (path: string): string | undefined => {
    let p: string;
    try {
      p = resolve(dist, decodeURIComponent(path));
    } catch {
      return undefined; // malformed percent-encoding: no file has that name
    }
    if (!p.startsWith(resolve(dist))) return undefined;
    if (existsSync(p) && statSync(p).isFile()) return p;
    const index = join(p, 'index.html');
    return existsSync(index) ? index : undefined;
  };
  const report: LinkReport = { pages: files.length, links: 0, targets: 0, external: 0, broken: [] };
  const seen = new Set<string>();
  for (const file of files) {
    const rel = relative(dist, file).split(sep).join('/');
    const pagePath = `${base}${rel.replace(/(^|\/)index\.html$/, '$1')}`;
    const pageUrl = new URL(pagePath, 'http://site.invalid');
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(ATTR)) {
      const raw = m[1] ?? m[2] ?? m[4];
      const values = raw !== undefined ? [raw] : m[3]!.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean);
      for (const value of values.map(decode)) {
        if (/^(mailto|tel|data|javascript|blob):/i.test(value)) continue;
        let url: URL;
        try {
          url = new URL(value, pageUrl);
        } catch {
          report.broken.push({ page: pagePath, link: value, why: 'not a URL' });
          continue;
        }
        if (url.origin !== 'http://site.invalid') {
          if (!origin || url.origin !== origin) { report.external++; continue; }
        }
        report.links++;
        const key = `${url.pathname}${url.hash}`;
        if (!url.pathname.startsWith(base)) { report.broken.push({ page: pagePath, link: value, why: `outside the base path ${base}` }); continue; }
        const target = url.pathname === pageUrl.pathname && value.startsWith('#') ? file : fileAt(url.pathname.slice(base.length));
        if (!seen.has(key)) { seen.add(key); report.targets++; }
        if (!target) { report.broken.push({ page: pagePath, link: value, why: 'no such file in the build' }); continue; }
        let fragment = url.hash.slice(1);
        try { fragment = decodeURIComponent(fragment); } catch { /* compared as written */ }
        if (fragment && target.endsWith('.html') && !ids(target).has(fragment)) {
          report.broken.push({ page: pagePath, link: value, why: `no element with id "${fragment}" there` });
        }
      }
    }
  }
  return report;
}

function print(name: string, r: LinkReport): void {
  console.log(`links (${name}): ${r.pages} pages, ${r.links} internal links to ${r.targets} targets, ${r.external} external links not followed; ${r.broken.length} broken`);
  for (const b of r.broken.slice(0, 40)) console.log(`  broken: ${b.page} → ${b.link} (${b.why})`);
  if (r.broken.length > 40) console.log(`  … and ${r.broken.length - 40} more`);
}

/** Builds the data and the site for SITE_URL `site` into .cache/links/; returns the dist folder. */
function buildSubPath(site: string): string {
  const root = resolve('.cache/links');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const env = { ...process.env, SITE_URL: site, KORYU_DATA_DIR: join(root, 'data') };
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (SITE_URL=${site})`);
  };
  run(process.execPath, ['scripts/build-data.ts', '--out', join(root, 'data'), '--quiet']);
  run(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build', '--outDir', join(root, 'dist')]);
  return join(root, 'dist');
}

function main(): number {
  const { values } = parseArgs({ options: { dist: { type: 'string' }, site: { type: 'string' }, 'sub-path': { type: 'string' } } });
  const results: { name: string; ok: boolean }[] = [];
  const check = (name: string, dist: string, site?: string) => {
    const u = parseSiteUrl(site);
    const r = checkLinks(dist, u?.base ?? '/', u?.origin);
    print(name, r);
    results.push({ name, ok: r.broken.length === 0 && r.links > 0 });
  };
  if (values['sub-path']) check(`sub-path build for ${values['sub-path']}`, buildSubPath(values['sub-path']), values['sub-path']);
  else check(`${values.dist ?? 'dist'}${values.site ? ` for ${values.site}` : ''}`, values.dist ?? 'dist', values.site);
  // One report per invocation, appended: scripts/test-summary.ts adds them up.
  mkdirSync('.cache/test-results', { recursive: true });
  const path = '.cache/test-results/links.json';
  const prev = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number; checked: string[] }) : { numPassedTests: 0, numFailedTests: 0, checked: [] };
  const next = {
    numPassedTests: prev.numPassedTests + results.filter((r) => r.ok).length,
    numFailedTests: prev.numFailedTests + results.filter((r) => !r.ok).length,
    numPendingTests: 0, numTodoTests: 0,
    checked: [...prev.checked, ...results.map((r) => `${r.name}: ${r.ok ? 'ok' : 'broken links'}`)],
  };
  writeFileSync(path, JSON.stringify(next, null, 1));
  return results.every((r) => r.ok) ? 0 : 1;
}

// Run as a command (not when a test imports it): compared as real paths, so a symlink or a space cannot make it a silent no-op.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) process.exitCode = main();
