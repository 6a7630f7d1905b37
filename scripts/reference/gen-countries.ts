/**
 * Regenerates data/reference/countries.json — the project's country table — from the
 * world-countries package (ISO 3166-1 codes, UN subregions, Japanese names) and Node's ICU
 * (Intl.DisplayNames, ja and en). A deliberate, local act: run `node scripts/reference/gen-countries.ts`
 * and review the diff. The pipeline only reads the committed file.
 *
 * Kosovo keeps the user-assigned code XK (used by the EU and the sources' statistics list it), since
 * ISO 3166-1 has no code for it yet.
 *
 * Region scheme (documented in data/reference/README.md): UN M49 subregions grouped into nine
 * project regions, with Iran and Afghanistan placed in the Middle East and the South Caucasus in
 * Central Asia & Caucasus, as Japanese ministries and the source documents group them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
type WC = { cca2: string; name: { common: string }; translations: Record<string, { common: string }>; region: string; subregion: string };
const all = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WC[];

const bySubregion: Record<string, string> = {
  'Eastern Asia': 'east-asia',
  'South-Eastern Asia': 'southeast-asia',
  'Southern Asia': 'south-asia',
  'Central Asia': 'central-asia',
  'Western Asia': 'middle-east',
  'Northern Europe': 'europe',
  'Western Europe': 'europe',
  'Southern Europe': 'europe',
  'Eastern Europe': 'europe',
  'Central Europe': 'europe',
  'Southeast Europe': 'europe',
  'North America': 'north-america',
  'Northern America': 'north-america',
  'Central America': 'latin-america',
  'South America': 'latin-america',
  Caribbean: 'latin-america',
  'Northern Africa': 'africa',
  'Western Africa': 'africa',
  'Eastern Africa': 'africa',
  'Middle Africa': 'africa',
  'Southern Africa': 'africa',
  'Australia and New Zealand': 'oceania',
  Melanesia: 'oceania',
  Micronesia: 'oceania',
  Polynesia: 'oceania',
};
const override: Record<string, string> = { IR: 'middle-east', AF: 'middle-east', AM: 'central-asia', AZ: 'central-asia', GE: 'central-asia', MX: 'latin-america', GL: 'north-america', AQ: 'antarctica', BV: 'antarctica', HM: 'antarctica', TF: 'antarctica', GS: 'antarctica' };

const ja = new Intl.DisplayNames(['ja'], { type: 'region' });
const en = new Intl.DisplayNames(['en'], { type: 'region' });
const rows = all
  .filter((c) => /^[A-Z]{2}$/.test(c.cca2))
  .map((c) => {
    const region = override[c.cca2] ?? bySubregion[c.subregion];
    if (!region) throw new Error(`no project region for ${c.cca2} (${c.region} / ${c.subregion})`);
    const names = new Set([c.translations.jpn?.common, ja.of(c.cca2)].filter((x): x is string => !!x));
    const [first, ...rest] = [...names];
    return { code: c.cca2, name: { ja: ja.of(c.cca2) ?? first!, en: en.of(c.cca2) ?? c.name.common }, region, unSubregion: c.subregion, aliases: rest.filter((n) => n !== ja.of(c.cca2)) };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
writeFileSync(new URL('../../data/reference/countries.json', import.meta.url), JSON.stringify(rows, null, 1) + '\n');
console.log(`wrote ${rows.length} countries`);
