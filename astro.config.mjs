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
});
