/**
 * Progressive enhancement of the partner directory (src/views/DirectoryView.astro). Without it the
 * page is the complete server-rendered list. With it:
 *   - the search index (/search-index.json) and the engine (Fuse) are loaded on first focus of the
 *     form, or at once when the URL carries a state;
 *   - every keystroke and facet change filters, reorders and highlights the server-rendered items
 *     (the same nodes are taken out of and put back into the list, never re-rendered; highlights
 *     are built with DOM APIs, never from HTML strings), updates the result count, the facet counts
 *     and the empty state;
 *   - the query string holds the whole state: replaceState while typing, pushState on facet
 *     changes, popstate restores (Back/Forward), and the language switch keeps the query string.
 * Each update is recorded as User Timing measures: "directory-update" (input → exact matches
 * shown), "directory-frame" (input → the next frame rendered) and "directory-fuzzy" (input → fuzzy
 * matches added).
 */
import { readState, parseState, writeState, hasState, emptyState, STATE_KEYS, type DirectoryState, type Vocabulary } from '../lib/directory-state.ts';
import { settleAddress, formVocabulary } from './url-notice.ts';
import type { Engine } from './directory-engine.ts';
import { markRadius } from '../lib/map-mark.ts';
import type { DirectoryResult } from '../lib/directory-filter.ts';
import { initFiltersDisclosure } from './filters-disclosure.ts';

const root = document.querySelector<HTMLElement>('[data-directory]');
if (root) init(root);

function init(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('form[data-directory-form]')!;
  const list = root.querySelector<HTMLUListElement>('ul[data-results]')!;
  const countEl = root.querySelector<HTMLElement>('[data-result-count]')!;
  const emptyEl = root.querySelector<HTMLElement>('[data-empty]')!;
  // on a phone the filters fold behind a button that counts those set
  const refreshFilters = initFiltersDisclosure(form);
  const emptyFilters = emptyEl.querySelector<HTMLElement>('[data-empty-filters]');
  const emptyQuery = emptyEl.querySelector<HTMLElement>('[data-empty-query]');
  const { index: indexUrl = '/search-index.json', countTemplate = '{n}', optionTemplate = '{label} ({n})', loading = '', unavailable = '' } = root.dataset;
  const numberFormat = new Intl.NumberFormat(document.documentElement.lang === 'ja' ? 'ja-JP' : 'en-GB');
  const fill = (template: string, vars: Record<string, string>) => template.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m);
  const plurals = new Intl.PluralRules(document.documentElement.lang);
  /** A "one|other" template (src/i18n/ui.ts) for n, filled. */
  const pluralFill = (template: string, n: number, vars: Record<string, string>) => {
    const [one, other = one] = template.split('|') as [string, string?];
    return fill(plurals.select(n) === 'one' ? one : other, vars);
  };

  const items = [...list.querySelectorAll<HTMLLIElement>(':scope > li[data-partner]')];
  const byId = new Map(items.map((li) => [li.dataset.partner!, li]));
  const nameOrder = new Map(items.map((li, i) => [li.dataset.partner!, i]));
  const langSwitch = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  const langBase = langSwitch?.getAttribute('href')?.split('?')[0] ?? null;
  const facetControls = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-facet]')];

  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  function stateFromForm(): DirectoryState {
    const s = emptyState();
    for (const k of STATE_KEYS) {
      const el = control(k);
      if (!el) continue;
      s[k] = el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.checked ? el.value : '') : el.value;
    }
    const clean = readState(writeState(s));
    clean.q = s.q;
    return clean;
  }

  function setForm(s: DirectoryState): void {
    for (const k of STATE_KEYS) {
      const el = control(k);
      if (!el) continue;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = s[k] === el.value;
      else {
        el.value = s[k];
        // A value the select does not offer (a stale link) falls back to "all".
        if (el.value !== s[k]) el.value = '';
      }
    }
    refreshFilters();
  }

  // --- the address: codes read ignoring case against what the form offers; the rest named -------
  const vocab: Vocabulary = formVocabulary(form, ['home', 'country', 'region', 'level', 'unit'] as const);
  const notice = root.querySelector<HTMLElement>('[data-url-notice]');
  /** The state an address asks for; what it asks that cannot be used is named in the notice, and the address rewritten without it. */
  function stateOfAddress(): DirectoryState {
    const { state, problems } = parseState(location.search, vocab);
    settleAddress(notice, problems, writeState(state));
    return state;
  }

  function syncLangSwitch(): void {
    if (langSwitch && langBase !== null) langSwitch.href = langBase + location.search;
  }

  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  /** The query string this script last wrote or restored (a popstate with the same one only moved the fragment). */
  let knownSearch = location.search;
  function updateUrl(mode: 'push' | 'replace'): void {
    clearTimeout(urlTimer);
    urlTimer = undefined;
    const qs = writeState(stateFromForm());
    if (qs !== location.search) {
      const url = location.pathname + qs + location.hash;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    knownSearch = location.search;
    syncLangSwitch();
  }

  // --- engine, loaded once -------------------------------------------------------------------
  let engine: Promise<Engine> | undefined;
  let failed = false;
  /** The fuzzy matcher's Web Worker (src/scripts/fuzzy-worker.ts); without it, exact matches only. */
  let worker: Worker | undefined;
  function startWorker(e: Engine, json: string): void {
    try {
      worker = new Worker(new URL('./fuzzy-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      return;
    }
    worker.postMessage({ type: 'init', json });
    worker.onmessage = (ev: MessageEvent<{ type: 'results'; q: string; results: { idx: number; score: number }[] }>) => {
      e.setFuzzy(ev.data.q, ev.data.results);
      const j = job;
      if (j && j.fuzzyPending && j.e.fuzzyQuery(j.state.q) === ev.data.q) applyFuzzy(j);
    };
    worker.onerror = () => {
      worker = undefined;
      if (job?.fuzzyPending) applyFuzzy(job);
    };
  }
  function load(): Promise<Engine> {
    engine ??= Promise.all([
      import('./directory-engine.ts'),
      fetch(indexUrl).then((r) => {
        if (!r.ok) throw new Error(`${indexUrl}: HTTP ${r.status}`);
        return r.text();
      }),
    ]).then(([m, json]) => {
      const e = m.createEngine(JSON.parse(json), nameOrder);
      startWorker(e, json);
      return e;
    });
    engine.catch(() => {
      failed = true;
      countEl.textContent = unavailable;
    });
    return engine;
  }

  // --- rendering ----------------------------------------------------------------------------
  const nameTargets = new Map<HTMLLIElement, { el: HTMLElement; text: string; key: string }[]>();
  function targetsOf(li: HTMLLIElement) {
    let t = nameTargets.get(li);
    if (!t) {
      // The leaf spans of the name link: the name(s) and a reading, not the "Reading:" label around it.
      t = [...li.querySelectorAll<HTMLElement>('a.name span')].filter((el) => el.childElementCount === 0).map((el) => ({ el, text: el.textContent ?? '', key: '' }));
      nameTargets.set(li, t);
    }
    return t;
  }
  function highlight(e: Engine, li: HTMLLIElement, terms: readonly string[]): void {
    for (const target of targetsOf(li)) {
      const ranges = e.highlight(target.text, terms);
      const key = ranges.join(';');
      if (key === target.key) continue;
      target.key = key;
      const parts: (string | Node)[] = [];
      let at = 0;
      for (const [s, end] of ranges) {
        if (s > at) parts.push(target.text.slice(at, s));
        const mark = document.createElement('mark');
        mark.textContent = target.text.slice(s, end);
        parts.push(mark);
        at = end;
      }
      if (at < target.text.length) parts.push(target.text.slice(at));
      target.el.replaceChildren(...parts);
    }
  }

  // A keystroke first shows the exact matches (directory-filter.ts, tiers 0–5): the first results go
  // into the list in order, highlighted, with the count. The list holds exactly the results: items
  // that do not match are taken out of it and the same server-rendered nodes go back in later, which
  // in Chromium is an order of magnitude cheaper than hiding hundreds of them. Then, in idle-time
  // slices (≤ 50 ms later, and only if no other keystroke came first): Fuse adds the fuzzy matches,
  // the remaining results are attached and highlighted, and the facet counts are computed and shown
  // (at once when a facet gets focus). `data-applied` on the root names the state once
  // all of that is done. The first results fill a screen (24); idle slices stay short (50 items, a
  // few milliseconds) so a keystroke never waits long behind one: measured with `npm run bench`,
  // 60 and 150 gave a keystroke p95 of 15–16 ms at real size, 24 and 50 about 10 ms.
  const FIRST = 24;
  const SLICE = 50;
  const idle: (cb: () => void) => void = window.requestIdleCallback ? (cb) => window.requestIdleCallback(cb, { timeout: 50 }) : (cb) => setTimeout(cb, 1);
  interface Job {
    e: Engine;
    state: DirectoryState;
    startedAt: number;
    /** Fuse has not run yet for this state */
    fuzzyPending: boolean;
    nodes: HTMLLIElement[];
    /** items attached / highlighted so far */
    pos: number;
    terms: readonly string[];
    /** the result whose facet counts are still to be shown (computed on first read) */
    counts: DirectoryResult | null;
    /** the worker has been asked for this query's fuzzy matches */
    asked?: boolean;
  }
  let job: Job | null = null;
  let scheduled = false;
  /** what the list holds, in order */
  let attached: HTMLLIElement[] = [...items];
  const shownCount = new Map<HTMLOptionElement, number>();

  function updateFacetCounts(counts: DirectoryResult['counts']): void {
    for (const c of facetControls) {
      const dim = counts[c.dataset.facet as keyof typeof counts];
      if (!dim) continue;
      if (c instanceof HTMLSelectElement) {
        for (const opt of c.options) {
          if (!opt.value) continue;
          const n = dim.get(opt.value) ?? 0;
          if (shownCount.get(opt) !== n) {
            opt.textContent = fill(optionTemplate, { label: opt.dataset.label ?? opt.value, n: numberFormat.format(n) });
            shownCount.set(opt, n);
          }
          const disabled = n === 0 && !opt.selected;
          if (opt.disabled !== disabled) opt.disabled = disabled;
        }
      } else {
        const label = form.querySelector<HTMLElement>(`label[for="${c.id}"] [data-label]`);
        const text = fill(optionTemplate, { label: label?.dataset.label ?? '', n: numberFormat.format(dim.get(c.value) ?? 0) });
        if (label && label.textContent !== text) label.textContent = text;
      }
    }
  }

  function flushCounts(): void {
    if (job?.counts) {
      updateFacetCounts(job.counts.counts);
      job.counts = null;
    }
  }

  /**
   * Makes the list hold the job's nodes [0, end) in order and nothing else, keeping the attached
   * items that are already right (so at least those stay), and highlights what it attached or kept.
   */
  function step(j: Job, end: number): void {
    let k = 0;
    while (k < attached.length && k < j.nodes.length && attached[k] === j.nodes[k]) k++;
    end = Math.min(Math.max(end, k), j.nodes.length);
    // Many items to take out (the first keystroke after the full list): do it with the list out of
    // the document, where removing nodes costs no style or layout invalidation, and put it back
    // holding only the first results.
    const detach = attached.length - k > 4 * FIRST;
    const parent = list.parentNode;
    const next = list.nextSibling;
    if (detach && parent) list.remove();
    if (k < attached.length) {
      if (k === 0) list.replaceChildren();
      else for (const li of attached.slice(k)) li.remove();
      attached.length = k;
    }
    if (end > k) {
      const more = j.nodes.slice(k, end);
      list.append(...more);
      attached.push(...more);
    }
    if (detach && parent) parent.insertBefore(list, next);
    for (let i = j.pos; i < end; i++) highlight(j.e, j.nodes[i]!, j.terms);
    j.pos = Math.max(j.pos, end);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    idle(() => {
      scheduled = false;
      work();
    });
  }

  function applyFuzzy(j: Job): void {
    show(j.e, j.state, j.startedAt, true);
    performance.measure('directory-fuzzy', { start: j.startedAt });
  }

  function work(): void {
    const j = job;
    if (!j) return;
    if (j.fuzzyPending) {
      // Fuzzy matches come from the worker: ask once, and show them when they arrive (onmessage).
      const q = j.e.fuzzyQuery(j.state.q);
      if (q === null || j.e.hasFuzzy(q) || !worker) applyFuzzy(j);
      else if (!j.asked) { j.asked = true; worker.postMessage({ type: 'search', q }); }
      return;
    }
    if (j.counts) flushCounts();
    else step(j, j.pos + SLICE);
    if (j.counts || j.pos < j.nodes.length) schedule();
    else {
      root.dataset.applied = writeState(j.state);
      job = null;
    }
  }

  let liOfDoc: HTMLLIElement[] | undefined;
  function show(e: Engine, state: DirectoryState, startedAt: number, withFuzzy: boolean): void {
    liOfDoc ??= e.docIds.map((id) => byId.get(id)!);
    const res = e.run(state, withFuzzy);
    const nodes = new Array<HTMLLIElement>(res.order.length);
    for (let k = 0; k < nodes.length; k++) nodes[k] = liOfDoc[res.order[k]!]!;
    job = { e, state, startedAt, fuzzyPending: !withFuzzy && state.q.trim() !== '', nodes, pos: 0, terms: res.terms, counts: res };
    step(job, FIRST);
    const countText = fill(countTemplate, { n: numberFormat.format(res.order.length) });
    if (countEl.textContent !== countText) countEl.textContent = countText;
    emptyEl.hidden = res.order.length > 0;
    if (res.order.length === 0) explainEmpty(e, state, withFuzzy);
    updateMap(e, res.order);
    list.removeAttribute('aria-busy');
    delete root.dataset.applied;
    schedule();
  }

  // --- the partner map follows the results ------------------------------------------------------
  const mapFigure = root.querySelector<HTMLElement>('figure[data-map="partners"]');
  // Its tooltips' script is loaded when the map is first opened, not with the page.
  const mapPanel = root.querySelector<HTMLDetailsElement>('details[data-map-panel]');
  const loadTips = () => { if (mapPanel?.open) void import('./charts.ts'); };
  mapPanel?.addEventListener('toggle', loadTips);
  loadTips();
  const marks = mapFigure ? [...mapFigure.querySelectorAll<SVGGElement>('g.pmark[data-city]')] : [];
  const markTemplate = mapFigure?.dataset.markTemplate ?? '';
  /** country code → its name in the page's language, from the country facet's options */
  const countryNames = new Map([...(control('country') as HTMLSelectElement | null)?.options ?? []].map((o) => [o.value, o.dataset.label ?? o.value]));
  const mapCount = mapFigure?.querySelector<HTMLElement>('[data-map-count]');
  /** Each city's mark shows how many of the current results are there; a city with none is hidden. */
  function updateMap(e: Engine, order: readonly number[]): void {
    if (!marks.length) return;
    const counts = new Map<string, number>();
    let placed = 0;
    for (const k of order) {
      const c = e.docCities[k];
      if (c === undefined) continue;
      counts.set(c, (counts.get(c) ?? 0) + 1);
      placed++;
    }
    for (const m of marks) {
      const n = counts.get(m.dataset.city!) ?? 0;
      if (String(n) === m.dataset.partners) continue;
      m.dataset.partners = String(n);
      m.setAttribute('display', n ? 'inline' : 'none');
      if (!n) continue;
      m.querySelector('circle')?.setAttribute('r', String(markRadius(n, Number(m.dataset.scale ?? 1))));
      let label = m.querySelector('text');
      if (n > 1) {
        if (!label) { label = document.createElementNS('http://www.w3.org/2000/svg', 'text'); label.setAttribute('dy', '0.35em'); m.append(label); }
        label.textContent = String(n);
      } else label?.remove();
      const title = m.querySelector('title');
      if (title) {
        const [country = '', city = ''] = (m.dataset.city ?? '').split('|');
        title.textContent = pluralFill(markTemplate, n, { n: numberFormat.format(n), city: `${city}, ${countryNames.get(country) ?? country}` });
      }
    }
    if (mapCount) mapCount.textContent = numberFormat.format(placed);
  }

  /** What the empty state offers: the count without the filters (and a button to drop them), tips for the query. */
  function explainEmpty(e: Engine, state: DirectoryState, withFuzzy: boolean): void {
    const filtered = STATE_KEYS.some((k) => k !== 'q' && k !== 'sort' && state[k] !== '');
    if (emptyFilters) {
      const n = filtered ? e.run({ ...emptyState(), q: state.q, sort: state.sort }, withFuzzy).order.length : 0;
      emptyFilters.hidden = n === 0;
      const span = emptyFilters.querySelector<HTMLElement>('[data-template]');
      if (span) span.textContent = fill(span.dataset.template ?? '', { n: numberFormat.format(n) });
    }
    if (emptyQuery) emptyQuery.hidden = state.q.trim() === '';
  }

  let seq = 0;
  async function render(startedAt = performance.now()): Promise<void> {
    const mine = ++seq;
    let e: Engine;
    if (!failed && !root!.dataset.ready) list.setAttribute('aria-busy', 'true');
    try {
      const pending = load();
      if (!root!.dataset.ready) countEl.textContent = loading;
      e = await pending;
    } catch {
      list.removeAttribute('aria-busy');
      return;
    }
    if (mine !== seq) return;
    root!.dataset.ready = 'true';
    show(e, stateFromForm(), startedAt, false);
    performance.measure('directory-update', { start: startedAt });
    // …and to the next frame, once style, layout and paint have had their turn.
    requestAnimationFrame(() => setTimeout(() => performance.measure('directory-frame', { start: startedAt }), 0));
  }

  // --- events ---------------------------------------------------------------------------------
  form.addEventListener('focusin', () => void load().catch(() => {}), { once: true });
  // A facet about to be opened shows up-to-date counts.
  form.addEventListener('focusin', (ev) => {
    if ((ev.target as HTMLElement).matches('select, input[type="checkbox"]')) flushCounts();
  });
  form.addEventListener('input', (ev) => {
    const t = ev.target as HTMLElement;
    if (t.id !== 'q') return;
    const started = performance.now();
    // The URL follows the typing a moment later, off the keystroke's critical path
    // (history.replaceState costs milliseconds in Chromium).
    clearTimeout(urlTimer);
    urlTimer = setTimeout(() => updateUrl('replace'), 150);
    void render(started);
  });
  form.addEventListener('change', (ev) => {
    const t = ev.target as HTMLInputElement | HTMLSelectElement;
    if (t.id === 'q') return;
    const started = performance.now();
    updateUrl('push');
    void render(started);
  });
  emptyEl.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest('button');
    if (!b) return;
    const s = stateFromForm();
    const next = b.hasAttribute('data-clear-filters') ? { ...emptyState(), q: s.q, sort: s.sort } : { ...s, q: '' };
    setForm(next);
    updateUrl('push');
    void render();
    form.querySelector<HTMLInputElement>('#q')?.focus();
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    updateUrl('push');
    void render();
  });
  window.addEventListener('popstate', () => {
    if (location.search === knownSearch) {
      // Only the fragment changed (the skip link, say): keep what is being typed.
      if (urlTimer !== undefined) updateUrl('replace');
      return;
    }
    clearTimeout(urlTimer);
    urlTimer = undefined;
    knownSearch = location.search;
    setForm(stateOfAddress());
    knownSearch = location.search;
    syncLangSwitch();
    void render();
  });

  // --- initial state (a shared link, or the home page's search box) ------------------------------
  const initial = stateOfAddress();
  knownSearch = location.search;
  setForm(initial);
  syncLangSwitch();
  if (hasState(initial)) void render();
}
