import { describe, it, expect, beforeAll } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkLinks } from './check-links.ts';

/** A tiny built site: two pages and an asset. */
let dist = '';
const page = (path: string, body: string) => {
  mkdirSync(join(dist, path), { recursive: true });
  writeFileSync(join(dist, path, 'index.html'), `<!doctype html><html><body>${body}</body></html>`);
};
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'koryu-links-'));
  mkdirSync(join(dist, '_astro'));
  writeFileSync(join(dist, '_astro/a.css'), '');
  page('', '<link rel="stylesheet" href="/_astro/a.css"><a href="/p/#x">ok</a><a href="p/">relative ok</a><a href="https://ror.org/01znkr924">external</a><a href="mailto:a@b.c">mail</a>');
  page('p', '<meta name="description" content="d"><h2 id="x">x</h2><a name="old">old anchor</a><a href="#x">self</a><a href="#old">named</a><a href="/missing/">missing</a><a href="/p/#nope">bad fragment</a><a href="/p/#description">a meta is no target</a><a href="/a/%zz">bad escape</a><img srcset="/_astro/a.css 1x, /_astro/b.png 2x">');
});

describe('checkLinks', () => {
  it('resolves files, folders, relative links and fragments; names each broken link and its page', () => {
    const r = checkLinks(dist);
    expect(r.pages).toBe(2);
    expect(r.external).toBe(1);
    expect(r.broken).toEqual([
      { page: '/p/', link: '/missing/', why: 'no such file in the build' },
      { page: '/p/', link: '/p/#nope', why: 'no element with id "nope" there' },
      { page: '/p/', link: '/p/#description', why: 'no element with id "description" there' },
      { page: '/p/', link: '/a/%zz', why: 'no such file in the build' },
      { page: '/p/', link: '/_astro/b.png', why: 'no such file in the build' },
    ]);
  });
  it('under a base path, a link outside it is broken, and the site\'s own absolute URLs are checked', () => {
    page('q', '<a href="/koryu/p/">in base</a><a href="/p/">outside</a><a href="https://host.example/koryu/gone/">own origin</a>');
    const r = checkLinks(dist, '/koryu/', 'https://host.example');
    const onQ = r.broken.filter((b) => b.page === '/koryu/q/');
    expect(onQ).toEqual([
      { page: '/koryu/q/', link: '/p/', why: 'outside the base path /koryu/' },
      { page: '/koryu/q/', link: 'https://host.example/koryu/gone/', why: 'no such file in the build' },
    ]);
  });
});
