/** Display labels for codes in the dataset (levels, regions, homes, countries, units). */
import { t, type Locale } from '../i18n/ui.ts';
import type { Country, Unit, Home } from '../../scripts/schema/records.ts';
import { REGIONS } from '../../scripts/lib/countries.ts';

export function levelLabel(locale: Locale, level: string): string {
  switch (level) {
    case 'university': return t(locale, 'levelUniversity');
    case 'department': return t(locale, 'levelDepartment');
    case 'cic': return t(locale, 'levelCic');
    case 'strategic': return t(locale, 'levelStrategic');
    default: return level;
  }
}

export function regionLabel(locale: Locale, id: string): string {
  return REGIONS.find((r) => r.id === id)?.name[locale] ?? id;
}

export function countryLabel(locale: Locale, c: Country | undefined, code: string): string {
  return c ? c.name[locale] : code;
}

export function homeLabel(locale: Locale, h: Home | undefined, id: string): string {
  return h ? h.name[locale] : id;
}

/** A unit's name in the locale; English pages fall back to the Japanese name. */
export function unitLabel(locale: Locale, u: Unit | undefined, id: string): string {
  if (!u) return id;
  return locale === 'en' ? u.name.en ?? u.name.ja : u.name.ja;
}
