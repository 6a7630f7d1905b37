// @ts-check
import { defineConfig } from 'astro/config';

// Site configuration only: no data logic here (the pipeline in scripts/ writes data/build/).
export default defineConfig({
  site: 'https://koryu-atlas.example.org',
  trailingSlash: 'always',
  i18n: {
    locales: ['ja', 'en'],
    defaultLocale: 'ja',
    routing: { prefixDefaultLocale: false },
  },
  build: { format: 'directory' },
  // Content-Security-Policy as a <meta> on every page: Astro hashes the scripts and styles it
  // emits, so no 'unsafe-inline' is needed; everything else must come from this origin.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
});
