// @ts-check
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { parseSiteUrl } from './scripts/lib/site-url.ts';
import { writeSitemap } from './scripts/lib/sitemap.ts';

// Site configuration only: no data logic here (the pipeline in scripts/ writes data/build/).
// SITE_URL (https://host.example/some/path/) sets the origin and the base path; without it the
// site is built for / and names no host (no canonical or hreflang URLs, no sitemap host).
const siteUrl = parseSiteUrl(process.env.SITE_URL);

export default defineConfig({
  ...(siteUrl ? { site: siteUrl.origin } : {}),
  base: siteUrl?.base ?? '/',
  trailingSlash: 'always',
  i18n: {
    locales: ['ja', 'en'],
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false },
  },
  build: { format: 'directory' },
  integrations: [{
    name: 'koryu-sitemap',
    hooks: {
      // sitemap.xml (when SITE_URL names the host) and robots.txt, from the pages just built
      'astro:build:done': ({ dir, logger }) => {
        const n = writeSitemap(fileURLToPath(dir), siteUrl);
        logger.info(siteUrl ? `sitemap.xml: ${n} pages; robots.txt` : 'robots.txt (no sitemap.xml without SITE_URL: a sitemap names absolute URLs)');
      },
    },
  }],
  // Content-Security-Policy as a <meta> on every page: Astro hashes the scripts and styles it
  // emits, so no 'unsafe-inline' is needed; everything else must come from this origin.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
