/** Display labels for codes in the dataset (levels, regions, homes, countries, units). */
import { t, type Locale } from '../i18n/ui.ts';
import type { Country, Unit, Home } from '../../scripts/schema/records.ts';
import { REGIONS } from '../../scripts/lib/countries.ts';
import { INTERNATIONAL } from './partner-region.ts';

export function levelLabel(locale: Locale, level: string): string {
  switch (level) {
    case 'university': return t(locale, 'levelUniversity');
    case 'department': return t(locale, 'levelDepartment');
    case 'cic': return t(locale, 'levelCic');
    case 'strategic': return t(locale, 'levelStrategic');
    default: return level;
  }
}

export { INTERNATIONAL, partnerRegion } from './partner-region.ts';
/** The region ids partners are grouped under: the project's regions, then International (partner-region.ts). */
export const PARTNER_REGION_IDS: readonly string[] = [...REGIONS.map((r) => r.id), INTERNATIONAL];

export function regionLabel(locale: Locale, id: string): string {
  if (id === INTERNATIONAL) return t(locale, 'international');
  return REGIONS.find((r) => r.id === id)?.name[locale] ?? id;
}

/** A country's name; a partner with no country (a network spanning countries) reads "International". */
export function countryLabel(locale: Locale, c: Country | undefined, code: string | null): string {
  if (code === null) return t(locale, 'international');
  return c ? c.name[locale] : code;
}

/** The country of a partner, by code (null: a network spanning countries, "International"). */
export function partnerCountryLabel(locale: Locale, countryByCode: ReadonlyMap<string, Country>, code: string | null): string {
  return countryLabel(locale, code === null ? undefined : countryByCode.get(code), code);
}

export function homeLabel(locale: Locale, h: Home | undefined, id: string): string {
  return h ? h.name[locale] : id;
}

/** A unit's name in the locale; English pages fall back to the Japanese name. */
export function unitLabel(locale: Locale, u: Unit | undefined, id: string): string {
  if (!u) return id;
  return locale === 'en' ? u.name.en ?? u.name.ja : u.name.ja;
}

const UNIT_KINDS: Record<string, { ja: string; en: string }> = {
  group: { ja: '組織の区分', en: 'Division' },
  'graduate-school': { ja: '大学院の組織（研究科・学術院・研究群）', en: 'Graduate school' },
  faculty: { ja: '学部・系', en: 'Faculty' },
  school: { ja: '学群・学校', en: 'School' },
  college: { ja: '学類', en: 'College' },
  center: { ja: 'センター・機構', en: 'Center' },
  institute: { ja: '研究所', en: 'Institute' },
  library: { ja: '図書館', en: 'Library' },
  hospital: { ja: '病院', en: 'Hospital' },
  headquarters: { ja: '本部', en: 'Headquarters' },
  programme: { ja: 'プログラム', en: 'Programme' },
  other: { ja: 'その他', en: 'Other' },
};

/** A unit kind (units.json `kind`) in words; an unknown kind is shown as written. */
export function unitKindLabel(locale: Locale, kind: string): string {
  return UNIT_KINDS[kind]?.[locale] ?? kind;
}
