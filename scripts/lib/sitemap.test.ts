import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSitemap, indexablePages } from './sitemap.ts';

let dist = '';
const page = (path: string, head = '') => {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'index.html'), `<!doctype html><html><head>${head}</head><body></body></html>`);
};
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'koryu-sitemap-'));
  page('');
  page('en');
  page('partners/mahidol-university');
  page('en/partners/mahidol-university');
  page('partners/mahidon-daigaku', '<meta name="robots" content="noindex">');
  page('en/404', '<meta name="robots" content="noindex">');
  writeFileSync(join(dist, '404.html'), '');
});

describe('sitemap.xml and robots.txt', () => {
  it('lists every indexable page, not the noindex ones (old URLs, 404)', () => {
    expect(indexablePages(dist)).toEqual(['/', '/en/', '/en/partners/mahidol-university/', '/partners/mahidol-university/']);
  });
  it('with SITE_URL: absolute URLs under the base path, each with its other-language alternate; robots.txt names the sitemap', () => {
    expect(writeSitemap(dist, { origin: 'https://host.example', base: '/koryu-atlas/' })).toBe(4);
    const xml = readFileSync(join(dist, 'sitemap.xml'), 'utf8');
    expect(xml).toContain('<url><loc>https://host.example/koryu-atlas/partners/mahidol-university/</loc><xhtml:link rel="alternate" hreflang="ja" href="https://host.example/koryu-atlas/partners/mahidol-university/"/><xhtml:link rel="alternate" hreflang="en" href="https://host.example/koryu-atlas/en/partners/mahidol-university/"/></url>');
    expect(xml).not.toContain('mahidon-daigaku');
    expect(readFileSync(join(dist, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\nSitemap: https://host.example/koryu-atlas/sitemap.xml\n');
  });
  it('without SITE_URL: no sitemap (it could only name a placeholder host), robots.txt without one', () => {
    const d2 = mkdtempSync(join(tmpdir(), 'koryu-sitemap-'));
    mkdirSync(join(d2, 'x'));
    writeFileSync(join(d2, 'x', 'index.html'), '');
    expect(writeSitemap(d2, undefined)).toBe(0);
    expect(existsSync(join(d2, 'sitemap.xml'))).toBe(false);
    expect(readFileSync(join(d2, 'robots.txt'), 'utf8')).toBe('User-agent: *\nAllow: /\n');
  });
});
