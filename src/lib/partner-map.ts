/**
 * Maps of partner locations, drawn as SVG at build time with d3-geo over world-atlas (no tiles, no
 * network, no JavaScript needed to see them).
 *
 * Partners in one city form one mark, a circle whose area grows with the count, carrying
 * `data-partners` (../shared/DATA-MODEL.md) and a <title> that src/scripts/charts.ts turns into a
 * tooltip reachable by mouse, keyboard and tap. The world map sends the dense regions (Europe, East
 * and Southeast Asia) to insets drawn larger below it: each city is drawn exactly once, on the main
 * map or in an inset, so the marks' counts add up to the partners placed. Positions are those of
 * each partner's `location` (its registry's place, or a reviewed GeoNames city).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { worldCountries, isoNumeric } from './charts.ts';
import { markRadius as radius } from './map-mark.ts';

const require = createRequire(import.meta.url);

export interface PlacedPartner {
  id: string;
  /** name in the page's language */
  name: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
}

export interface CityCluster {
  /** stable key: country + city */
  key: string;
  city: string;
  country: string;
  lat: number;
  lon: number;
  partners: PlacedPartner[];
}

/** Partners grouped by city (same country and city name), largest first, then by key. */
export function clusterByCity(partners: readonly PlacedPartner[]): CityCluster[] {
  const byKey = new Map<string, CityCluster>();
  for (const p of partners) {
    const key = `${p.country}|${p.city}`;
    const c = byKey.get(key);
    if (c) c.partners.push(p);
    else byKey.set(key, { key, city: p.city, country: p.country, lat: p.lat, lon: p.lon, partners: [p] });
  }
  const out = [...byKey.values()];
  for (const c of out) c.partners.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out.sort((a, b) => b.partners.length - a.partners.length || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

interface Inset {
  id: string;
  /** [west, south, east, north] in degrees */
  box: [number, number, number, number];
}
/** The dense regions the world map draws larger, below it. */
export const INSETS: Inset[] = [
  { id: 'europe', box: [-11, 34, 42, 61] },
  { id: 'east-asia', box: [94, -11, 146, 47] },
];
const inBox = (c: { lat: number; lon: number }, [w, s, e, n]: Inset['box']) => c.lon >= w && c.lon <= e && c.lat >= s && c.lat <= n;

export interface MapText {
  /** accessible name */
  label: string;
  /** accessible description */
  description: string;
  /** "{n} partners in {city}" style tooltip for a mark */
  markTitle: (c: CityCluster) => string;
  /** caption of each inset, by inset id */
  insetLabel?: (id: string) => string;
}

/** Text escaped for SVG/HTML text and attribute values. */
export const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const r = (n: number) => Math.round(n * 10) / 10;

/** A path generator writing whole pixels (maps of at most 960 px): a third of the bytes of one decimal. */
export const pathOf = (projection: GeoProjection) => geoPath(projection).digits(0);

let land: Feature<Geometry> | undefined;
/** The land as one shape, no borders (Natural Earth 1:110m via world-atlas): what the world maps draw, at half the bytes of the countries. */
function worldLand(): Feature<Geometry> {
  if (!land) {
    const topo = JSON.parse(readFileSync(require.resolve('world-atlas/land-110m.json'), 'utf8')) as Topology<{ land: GeometryCollection }>;
    land = { type: 'Feature', properties: {}, geometry: { type: 'GeometryCollection', geometries: (feature(topo, topo.objects.land) as unknown as FeatureCollection<Geometry>).features.map((f) => f.geometry) } };
  }
  return land;
}
/** The land as one shape (no borders): the background of a world map. */
export const landPath = (projection: GeoProjection) => `<path class="land" d="${pathOf(projection)(worldLand())}"/>`;

/** Some countries (ISO alpha-2) shaded, drawn over the land: a world map's few countries, without every border. */
export function highlightPath(projection: GeoProjection, codes: ReadonlySet<string>): string {
  const path = pathOf(projection);
  const lit = new Set([...codes].map((c) => isoNumeric(c)).filter(Boolean) as string[]);
  const d = worldCountries().features.filter((f) => lit.has(String(f.id))).map((f) => path(f as Feature<Geometry>) ?? '').join('');
  return d ? `<path class="land land-hi" d="${d}"/>` : '';
}

/** The countries (Natural Earth 1:110m), borders in white; those in `highlight` (ISO alpha-2) shaded. */
export function countriesPath(projection: GeoProjection, highlight?: ReadonlySet<string>): string {
  const path = pathOf(projection);
  const world = worldCountries();
  const lit = new Set([...(highlight ?? [])].map((c) => isoNumeric(c)).filter(Boolean) as string[]);
  const base: string[] = [];
  const hi: string[] = [];
  for (const f of world.features) {
    const d = path(f as Feature<Geometry>);
    if (!d) continue;
    (lit.has(String(f.id)) ? hi : base).push(d);
  }
  return `<path class="land" d="${base.join('')}"/>${hi.length ? `<path class="land land-hi" d="${hi.join('')}"/>` : ''}`;
}

function marks(clusters: readonly CityCluster[], projection: GeoProjection, text: MapText, scale = 1): string {
  // Smaller marks drawn last, so a large one never hides a small one.
  return [...clusters].sort((a, b) => b.partners.length - a.partners.length).map((c) => {
    const xy = projection([c.lon, c.lat]);
    if (!xy) return '';
    const n = c.partners.length;
    return `<g class="pmark" data-partners="${n}" data-city="${esc(c.key)}"${scale === 1 ? '' : ` data-scale="${scale}"`} transform="translate(${r(xy[0])},${r(xy[1])})"><title>${esc(text.markTitle(c))}</title><circle r="${radius(n, scale)}"/>${n > 1 ? `<text dy="0.35em">${n}</text>` : ''}</g>`;
  }).join('');
}

/** The opening tag of a map: one image (role="img") with its accessible name and description. */
export function svgOpen(width: number, height: number, text: Pick<MapText, 'label' | 'description'>, cls: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="pmap ${cls}" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${esc(text.label)}" aria-description="${esc(text.description)}">`;
}

/**
 * The world with its partners: the main map, and the insets for Europe and East/Southeast Asia
 * where any partner is there (each city drawn once). Land only, no borders: a world of borders
 * drawn three times would weigh more than the rest of the page.
 */
export function renderWorldPartnerMap(partners: readonly PlacedPartner[], text: MapText, options: { width?: number } = {}): { svg: string; clusters: CityCluster[] } {
  const width = options.width ?? 960;
  const clusters = clusterByCity(partners);
  const mainHeight = Math.round(width * 0.49);
  const world = geoEqualEarth().fitExtent([[4, 4], [width - 4, mainHeight - 4]], { type: 'Sphere' });
  // Each city goes to the first inset whose box holds it, or stays on the main map: drawn once.
  const insetOf = new Map<CityCluster, Inset>();
  for (const c of clusters) { const i = INSETS.find((x) => inBox(c, x.box)); if (i) insetOf.set(c, i); }
  const used = INSETS.filter((i) => [...insetOf.values()].includes(i));
  const inInset = (c: CityCluster) => insetOf.has(c);
  const gap = 12;
  const insetWidth = used.length ? Math.floor((width - gap * (used.length - 1)) / used.length) : 0;
  const insetHeight = used.length ? Math.round(insetWidth * 0.78) : 0;
  const height = mainHeight + (used.length ? gap + insetHeight + 18 : 0);
  const parts: string[] = [svgOpen(width, height, text, 'pmap-world')];
  parts.push(`<path class="sphere" d="${pathOf(world)({ type: 'Sphere' })}"/>`);
  parts.push(landPath(world));
  // The insets' areas outlined on the main map.
  for (const i of used) {
    const [w, s, e, n] = i.box;
    // clockwise, as d3-geo reads a polygon's inside (the other way round would be the rest of the world)
    const ring = { type: 'Polygon' as const, coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
    parts.push(`<path class="inset-frame" d="${pathOf(world)(ring)}"/>`);
  }
  parts.push(`<g class="pmarks">${marks(clusters.filter((c) => !inInset(c)), world, text)}</g>`);
  used.forEach((inset, k) => {
    const x0 = k * (insetWidth + gap);
    const y0 = mainHeight + gap;
    const [w, s, e, n] = inset.box;
    const frame = { type: 'Polygon' as const, coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
    const proj = geoMercator().fitExtent([[x0 + 2, y0 + 18], [x0 + insetWidth - 2, y0 + 18 + insetHeight - 4]], frame)
      .clipExtent([[x0, y0 + 16], [x0 + insetWidth, y0 + 16 + insetHeight]]);
    parts.push(`<g class="inset" data-inset="${inset.id}">`);
    parts.push(`<text class="inset-label" x="${x0 + 2}" y="${y0 + 11}">${esc(text.insetLabel?.(inset.id) ?? inset.id)}</text>`);
    parts.push(`<rect class="inset-bg" x="${x0}" y="${y0 + 16}" width="${insetWidth}" height="${insetHeight}"/>`);
    parts.push(landPath(proj));
    parts.push(`<g class="pmarks">${marks(clusters.filter((c) => insetOf.get(c) === inset), proj, text, 1.1)}</g>`);
    parts.push('</g>');
  });
  parts.push('</svg>');
  return { svg: parts.join(''), clusters };
}

/**
 * A map fitted to some partners (a country page): the area around their cities, at least `minSpan`
 * degrees across, the country shaded.
 */
export function renderRegionPartnerMap(partners: readonly PlacedPartner[], text: MapText, options: { width?: number; height?: number; highlight?: ReadonlySet<string>; minSpan?: number } = {}): { svg: string; clusters: CityCluster[] } {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const clusters = clusterByCity(partners);
  const lons = clusters.map((c) => c.lon);
  const lats = clusters.map((c) => c.lat);
  const span = options.minSpan ?? 6;
  let [w, e, s, n] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const padLon = Math.max((span - (e - w)) / 2, (e - w) * 0.12, 1);
  const padLat = Math.max((span * 0.6 - (n - s)) / 2, (n - s) * 0.12, 1);
  [w, e, s, n] = [w - padLon, e + padLon, Math.max(-80, s - padLat), Math.min(84, n + padLat)];
  const frame = { type: 'Polygon' as const, coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] };
  const proj = geoMercator().fitExtent([[6, 6], [width - 6, height - 6]], frame).clipExtent([[0, 0], [width, height]]);
  const parts = [svgOpen(width, height, text, 'pmap-region')];
  parts.push(`<rect class="inset-bg" x="0" y="0" width="${width}" height="${height}"/>`);
  parts.push(countriesPath(proj, options.highlight));
  parts.push(`<g class="pmarks">${marks(clusters, proj, text, 1.1)}</g>`);
  parts.push('</svg>');
  return { svg: parts.join(''), clusters };
}

/** A small locator: where one partner is, its country shaded, a region around it. */
export function renderLocatorMap(p: PlacedPartner, text: MapText, options: { width?: number; height?: number } = {}): string {
  const width = options.width ?? 320;
  const height = options.height ?? 200;
  const span = 28;
  const frame = { type: 'Polygon' as const, coordinates: [[[p.lon - span, p.lat - span * 0.55], [p.lon - span, p.lat + span * 0.55], [p.lon + span, p.lat + span * 0.55], [p.lon + span, p.lat - span * 0.55], [p.lon - span, p.lat - span * 0.55]]] };
  const proj = geoMercator().fitExtent([[0, 0], [width, height]], frame).clipExtent([[0, 0], [width, height]]);
  const clusters = clusterByCity([p]);
  return [
    svgOpen(width, height, text, 'pmap-locator'),
    `<rect class="inset-bg" x="0" y="0" width="${width}" height="${height}"/>`,
    countriesPath(proj, new Set([p.country])),
    `<g class="pmarks">${marks(clusters, proj, text, 2)}</g>`,
    '</svg>',
  ].join('');
}
