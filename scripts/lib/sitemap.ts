/**
 * sitemap.xml and robots.txt for a built site (called from astro.config.mjs when the build is
 * done). The sitemap lists every page that may be indexed (not the 404 page, not the pages marked
 * noindex — the old partner URLs that send readers on) with its other-language version as an
 * xhtml:link alternate. A sitemap must name absolute URLs, so it is written only when SITE_URL names
 * the host; robots.txt is always written, pointing at the sitemap when there is one.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { SiteUrl } from './site-url.ts';

/** Every HTML file of a built site, sorted (the sitemap's pages, the link checker's pages). */
export function htmlFiles(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(dist);
  return out.sort();
}

/** Site paths (without the base) of the pages a sitemap lists: every folder's index.html not marked noindex, sorted. */
export function indexablePages(dist: string): string[] {
  return htmlFiles(dist)
    .filter((f) => f.endsWith(`${sep}index.html`) && !/<meta name="robots" content="[^"]*noindex/.test(readFileSync(f, 'utf8')))
    .map((f) => `/${relative(dist, f).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/'))
    .sort();
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function sitemapXml(pages: readonly string[], site: SiteUrl): string {
  const abs = (p: string) => `${site.origin}${site.base.slice(0, -1)}${p}`;
  const set = new Set(pages);
  const otherOf = (p: string) => (p.startsWith('/en/') ? p.slice(3) : `/en${p}`);
  const urls = pages.map((p) => {
    const other = otherOf(p);
    const alt = set.has(other)
      ? [[p.startsWith('/en/') ? 'en' : 'ja', p], [p.startsWith('/en/') ? 'ja' : 'en', other]].map(([l, q]) => `<xhtml:link rel="alternate" hreflang="${l}" href="${esc(abs(q!))}"/>`).join('')
      : '';
    return `<url><loc>${esc(abs(p))}</loc>${alt}</url>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
}

export function robotsTxt(site: SiteUrl | undefined): string {
  return `User-agent: *\nAllow: /\n${site ? `Sitemap: ${site.origin}${site.base}sitemap.xml\n` : ''}`;
}

/** Writes sitemap.xml (with SITE_URL) and robots.txt into a built site; returns how many pages the sitemap lists. */
export function writeSitemap(dist: string, site: SiteUrl | undefined): number {
  const pages = indexablePages(dist);
  if (site) writeFileSync(join(dist, 'sitemap.xml'), sitemapXml(pages, site));
  writeFileSync(join(dist, 'robots.txt'), robotsTxt(site));
  return site ? pages.length : 0;
}
