/**
 * Where the site is deployed: SITE_URL (https://host.example/some/path/) sets the origin and the
 * base path of every link, asset, canonical and hreflang URL, sitemap entry, search-index fetch and
 * download link. Without it the site is built for / and names no host at all (no placeholder).
 */
export interface SiteUrl {
  /** https://host.example */
  origin: string;
  /** "/" or "/some/path/" (always with a trailing slash) */
  base: string;
}

/** Reads SITE_URL; undefined when it is unset or empty. A malformed value is an error naming it. */
export function parseSiteUrl(value: string | undefined = process.env.SITE_URL): SiteUrl | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let u: URL;
  try {
    u = new URL(value.trim());
  } catch {
    throw new Error(`SITE_URL=${JSON.stringify(value)} is not a URL: give the origin and path the site is served at, e.g. https://host.example/koryu-atlas/`);
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`SITE_URL=${JSON.stringify(value)}: only http(s) URLs can serve a site`);
  if (u.search || u.hash) throw new Error(`SITE_URL=${JSON.stringify(value)}: no query or fragment, only an origin and a path`);
  const base = u.pathname.endsWith('/') ? u.pathname : `${u.pathname}/`;
  return { origin: u.origin, base };
}
