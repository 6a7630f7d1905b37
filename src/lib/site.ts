/** Locale-aware paths and formats for pages. Pure functions; no data access. */
import type { Locale } from '../i18n/ui.ts';

/** Path of a page in a locale: ja is unprefixed (the default), en lives under /en/. */
export function localePath(locale: Locale, path: string): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return locale === 'ja' ? p : `/en${p === '/' ? '/' : p}`;
}

/** The same page in the other language. */
export function otherLocale(locale: Locale): Locale {
  return locale === 'ja' ? 'en' : 'ja';
}

export function formatNumber(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB').format(n);
}

/** An ISO month (YYYY-MM) in the locale's convention: 2023年4月 / Apr 2023. */
export function formatMonth(locale: Locale, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: locale === 'ja' ? 'long' : 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** An ISO date in the locale's convention: 2015年11月9日 / 9 Nov 2015. */
export function formatDate(locale: Locale, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { year: 'numeric', month: locale === 'ja' ? 'long' : 'short', day: 'numeric', timeZone: 'UTC' }).format(date);
}

/** Link to the line of a source document. */
export function sourceHref(locale: Locale, source: { id: string; line: number }): string {
  return `${localePath(locale, `/sources/${source.id}/`)}#L${source.line}`;
}
