/** Locale-aware paths and formats for pages. Pure functions; no data access. */
import type { Locale } from '../i18n/ui.ts';
import { parseSiteUrl } from '../../scripts/lib/site-url.ts';

/**
 * The site's base path, "/" or "/some/path/": read from SITE_URL, as astro.config.mjs reads it
 * (not from import.meta.env.BASE_URL, which an environment variable BASE_URL silently overrides).
 */
export const BASE: string = parseSiteUrl(typeof process === 'undefined' ? undefined : process.env.SITE_URL)?.base ?? '/';

/** A site path ("/data/x.csv") under the base path ("/some/path/data/x.csv"). */
export function withBase(path: string, base: string = BASE): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return base === '/' ? p : `${base.slice(0, -1)}${p}`;
}

/** Path of a page in a locale: ja is unprefixed (the default), en lives under /en/; both under the base path. */
export function localePath(locale: Locale, path: string, base: string = BASE): string {
  const p = path.startsWith('/') ? path : `/${path}`;
  return withBase(locale === 'ja' ? p : `/en${p === '/' ? '/' : p}`, base);
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

/** Consecutive lines of one source document: 31, 32, 315, 316, 318 → 31–32, 315–316, 318. */
export interface LineRun { id: string; from: number; to: number }

/** Source lines as runs of consecutive lines per document (each line once, by document then line). */
export function lineRuns(refs: readonly { id: string; line: number }[]): LineRun[] {
  const out: LineRun[] = [];
  const sorted = [...new Map(refs.map((r) => [`${r.id}\u0000${r.line}`, r])).values()]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) || a.line - b.line);
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && last.id === r.id && r.line === last.to + 1) last.to = r.line;
    else out.push({ id: r.id, from: r.line, to: r.line });
  }
  return out;
}

/**
 * Links to source lines, labelled "12行目" / "L12", or with `runs` one link per run of consecutive
 * lines, to its first line: "34–45行目" / "L34–45".
 */
export function lineLinks(locale: Locale, refs: readonly { id: string; line: number }[], runs = true): { href: string; text: string }[] {
  const groups = runs ? lineRuns(refs) : lineRuns(refs).flatMap((r) => Array.from({ length: r.to - r.from + 1 }, (_, i) => ({ id: r.id, from: r.from + i, to: r.from + i })));
  return groups.map((g) => {
    const n = g.from === g.to ? `${g.from}` : `${g.from}–${g.to}`;
    return { href: sourceHref(locale, { id: g.id, line: g.from }), text: locale === 'ja' ? `${n}行目` : `L${n}` };
  });
}

/** A ROR id as the registry's URL (the id's canonical form). */
export function rorUrl(id: string): string {
  return `https://ror.org/${id}`;
}
