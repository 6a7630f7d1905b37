/**
 * The /compare/ page's picker (src/views/CompareView.astro): choose two to five universities and the
 * overlap chart, its table, the region and country tables, the "shared by" lists and the pair links
 * are redrawn for them, with the same functions the build used (src/lib/compare.ts, upset.ts). The
 * choice lives in the address (?homes=osaka,tsukuba); Back and Forward restore it. Without this
 * script the page shows all five, complete.
 */
import { intersections, sharedByAtLeast, pairId } from '../lib/compare.ts';
import { upsetSvg } from '../lib/upset.ts';
import { matchCode, type UrlProblem } from '../lib/url-state.ts';
import { settleAddress } from './url-notice.ts';

interface Data {
  homes: { id: string; label: string }[];
  /** [id, region, country, homes mask, name?, name lang?] */
  partners: [string, string, string, number, string?, string?][];
  regions: Record<string, string>;
  words: { onlyMark: string; upsetTitle: string; upsetDesc: string; barLabel: string; and: string; none: string; partnerHref: string };
}

const form = document.querySelector<HTMLFormElement>('form[data-compare-picker]');
const dataEl = document.getElementById('compare-data');
if (form && dataEl) init(form, JSON.parse(dataEl.textContent ?? '{}') as Data);

function init(form: HTMLFormElement, data: Data): void {
  const all = data.homes.map((h) => h.id);
  const label = new Map(data.homes.map((h) => [h.id, h.label]));
  const members = new Map(data.partners.map(([id, , , mask]) => [id, all.filter((_, i) => mask & (1 << i))]));
  const info = new Map(data.partners.map(([id, region, country, , name, lang]) => [id, { region, country, name, lang }]));
  const notice = document.querySelector<HTMLElement>('[data-url-notice]');
  const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (m, k: string) => (v[k] === undefined ? m : String(v[k])));
  // The picker is drawn from the start (no layout shift), disabled until this script can serve it.
  form.querySelector('fieldset')!.disabled = false;

  /** The homes in the address: codes in any case; unknown ones named in the notice; fewer than two → all. */
  function read(): { homes: string[]; problems: UrlProblem[] } {
    const raw = new URLSearchParams(location.search).get('homes');
    const problems: UrlProblem[] = [];
    if (raw === null || raw.trim() === '') return { homes: all, problems };
    const picked: string[] = [];
    for (const v of raw.split(',').map((x) => x.trim()).filter(Boolean)) {
      const m = matchCode(v, all);
      if (m) { if (!picked.includes(m)) picked.push(m); } else problems.push({ key: 'homes', value: v, why: 'unknown' });
    }
    return { homes: picked.length >= 2 ? all.filter((h) => picked.includes(h)) : all, problems };
  }
  const query = (homes: string[]) => (homes.length === all.length ? '' : `?homes=${homes.join(',')}`);

  function render(homes: string[]): void {
    const t0 = performance.now();
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name="homes"]')) box.checked = homes.includes(box.value);
    const bars = intersections(members, homes);
    const inAny = [...members.values()].filter((hs) => hs.some((h) => homes.includes(h))).length;
    const sizes = new Map(homes.map((h) => [h, [...members.values()].filter((hs) => hs.includes(h)).length]));
    const host = document.querySelector<HTMLElement>('[data-upset]')!;
    host.innerHTML = upsetSvg({
      sets: homes.map((h) => ({ id: h, label: label.get(h)!, size: sizes.get(h)! })),
      bars: bars.map((b) => ({ sets: b.homes, count: b.partners.length })),
      title: data.words.upsetTitle,
      desc: fill(data.words.upsetDesc, { n: inAny, bars: bars.length }),
      barLabel: (b) => fill(data.words.barLabel, { n: b.count, homes: b.sets.map((h) => label.get(h)!).join(data.words.and) + (b.sets.length === 1 ? data.words.onlyMark : '') }),
    });
    // the table alternative
    const tbody = document.querySelector<HTMLTableElement>('table[data-overlap-table]')!.tBodies[0]!;
    const nf = new Intl.NumberFormat(document.documentElement.lang === 'ja' ? 'ja-JP' : 'en-GB');
    tbody.replaceChildren(...bars.map((b) => {
      const tr = document.createElement('tr');
      tr.dataset.sets = b.homes.join(',');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = b.homes.map((h) => label.get(h)!).join(data.words.and) + (b.homes.length === 1 ? data.words.onlyMark : '');
      const td = document.createElement('td');
      td.className = 'num';
      td.textContent = nf.format(b.partners.length);
      tr.append(th, td);
      return tr;
    }));
    // figures in the words around the chart and tables
    const subtitle = document.querySelector<HTMLElement>('[data-chart="overlap"] .chart-subtitle');
    if (subtitle?.dataset.template) subtitle.textContent = fill(subtitle.dataset.template, { n: nf.format(inAny) });
    // coverage tables: the chosen universities' columns; rows where one of them has partners
    for (const cell of document.querySelectorAll<HTMLElement>('[data-coverage-table] [data-home]')) cell.hidden = !homes.includes(cell.dataset.home!);
    let countries = 0;
    for (const row of document.querySelectorAll<HTMLTableRowElement>('[data-coverage-table="country"] tbody tr')) {
      row.hidden = ![...row.querySelectorAll<HTMLElement>('td[data-home]')].some((td) => homes.includes(td.dataset.home!) && td.textContent!.trim() !== '0');
      if (!row.hidden) countries++;
    }
    const summary = document.querySelector<HTMLElement>('.by-country summary[data-template]');
    if (summary) summary.textContent = fill(summary.dataset.template!, { n: nf.format(countries) });
    // shared by all, and by all but one
    const lists = document.querySelector<HTMLElement>('[data-shared-lists]')!;
    const [h3All, , h3Most] = [...lists.children] as HTMLElement[];
    const list = (items: { partner: string; homes: string[] }[], withHomes: boolean) => {
      if (!items.length) { const p = document.createElement('p'); p.textContent = data.words.none; return p; }
      const ul = document.createElement('ul');
      ul.className = 'shared-list';
      for (const x of items) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        const i = info.get(x.partner)!;
        a.href = data.words.partnerHref.replace('{id}', x.partner);
        const span = document.createElement('span');
        span.lang = i.lang ?? 'ja';
        span.textContent = i.name ?? x.partner;
        a.append(span);
        li.append(a);
        if (withHomes) { const m = document.createElement('span'); m.className = 'muted'; m.textContent = ` (${x.homes.map((h) => label.get(h)!).join(data.words.and)})`; li.append(m); }
        ul.append(li);
      }
      return ul;
    };
    const byAll = sharedByAtLeast(members, homes, homes.length);
    const byMost = homes.length > 2 ? sharedByAtLeast(members, homes, homes.length - 1).filter((x) => x.homes.length === homes.length - 1) : [];
    h3All!.textContent = homes.length === 2 && h3All!.dataset.templateTwo ? h3All!.dataset.templateTwo : h3All!.dataset.template ? fill(h3All!.dataset.template, { n: homes.length }) : h3All!.textContent;
    h3Most!.textContent = h3Most!.dataset.template ? fill(h3Most!.dataset.template, { n: homes.length - 1, of: homes.length }) : h3Most!.textContent;
    h3Most!.hidden = homes.length <= 2;
    lists.replaceChildren(h3All!, list(byAll, false), h3Most!, ...(homes.length > 2 ? [list(byMost, true)] : []));
    // the pairs among the chosen
    const ids = new Set(homes.flatMap((a) => homes.filter((b) => b !== a).map((b) => pairId(a, b))));
    for (const li of document.querySelectorAll<HTMLElement>('[data-pair]')) li.hidden = !ids.has(li.dataset.pair!);
    document.querySelector<HTMLElement>('[data-compare-root]')!.dataset.homes = homes.join(',');
    document.documentElement.dataset.compareMs = (performance.now() - t0).toFixed(1);
  }

  const start = read();
  settleAddress(notice, start.problems, query(start.homes));
  render(start.homes);
  form.addEventListener('change', () => {
    let homes = [...form.querySelectorAll<HTMLInputElement>('input[name="homes"]:checked')].map((b) => b.value);
    if (homes.length < 2) {
      // two at least: keep the box that was just unticked
      homes = read().homes;
      for (const box of form.querySelectorAll<HTMLInputElement>('input[name="homes"]')) box.checked = homes.includes(box.value);
      return;
    }
    history.pushState(null, '', location.pathname + query(homes) + location.hash);
    if (notice) notice.hidden = true;
    render(homes);
  });
  window.addEventListener('popstate', () => render(read().homes));
}
