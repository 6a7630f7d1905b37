/**
 * Progressive enhancement of the programme finder (src/views/ProgrammesView.astro). Without it the
 * page is the complete list of programme cards (its destination-class links filter and order it by
 * :target rules). With it:
 *   - the profile and filters are read from the URL (DATA-MODEL.md keys, src/lib/finder-state.ts);
 *     a profile saved in this browser (localStorage) fills in when the URL has none;
 *   - every change updates the URL (replaceState while typing, pushState otherwise; Back/Forward
 *     restore), the cards shown and their order, and each card's status (data-eligibility) with a
 *     one-line reason, worded by src/lib/eligibility-text.ts;
 *   - the destination-class links set the `class` filter (an address with #class-… is read so);
 *   - a Compare box on each card adds it to a shortlist (the URL's `list`); a bar that stays in view
 *     says how many are chosen and opens them side by side in a dialog, focus moved into it.
 * Everything is built with DOM APIs from the embedded data; nothing is sent anywhere.
 */
import { readFinderState, parseFinderState, writeFinderState, profileQuery, PROFILE_KEYS, SHORTLIST_MAX, type FinderState, type FinderVocabulary } from '../lib/finder-state.ts';
import { settleAddress, formVocabulary } from './url-notice.ts';
import { showProgrammes, STATUS_ORDER, type FinderProgramme } from '../lib/finder.ts';
import { hasProfile, type CallMinimums, type Check, type Status, type Verdict } from '../lib/eligibility.ts';
import { conditionText, reasonText, type Locale } from '../lib/eligibility-text.ts';
import { japaneseRuns } from '../lib/lang-runs.ts';
import { initFiltersDisclosure } from './filters-disclosure.ts';

const STORAGE_KEY = 'koryu-atlas:finder-profile';

const root = document.querySelector<HTMLElement>('[data-finder]');
if (root) init(root);

function init(root: HTMLElement): void {
  const locale = (root.dataset.locale === 'en' ? 'en' : 'ja') as Locale;
  /** Text for an element: on English pages, Japanese the text quotes (a requirement's wording) in <span lang="ja">. */
  const withRuns = (text: string): (string | Node)[] => (locale === 'ja' ? [text] : japaneseRuns(text).map((r) => {
    if (!r.ja) return r.text;
    const span = document.createElement('span');
    span.lang = 'ja';
    span.textContent = r.text;
    return span;
  }));
  const data = JSON.parse(document.getElementById('finder-data')!.textContent ?? '{}') as { programmes: FinderProgramme[]; mins: CallMinimums };
  const words = document.getElementById('finder-words')!.dataset;
  const statusLabel = JSON.parse(words.status ?? '{}') as Record<Status, string>;
  const checkLabel = JSON.parse(words.checks ?? '{}') as Record<string, string>;
  const fill = (template: string | undefined, vars: Record<string, string | number>) => (template ?? '').replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] === undefined ? m : String(vars[k])));
  const nf = new Intl.NumberFormat(locale === 'ja' ? 'ja-JP' : 'en-GB');

  const form = root.querySelector<HTMLFormElement>('form[data-finder-form]')!;
  const list = root.querySelector<HTMLOListElement>('ol[data-programmes]')!;
  const summary = root.querySelector<HTMLElement>('[data-finder-summary]')!;
  const hint = root.querySelector<HTMLElement>('[data-finder-hint]')!;
  const empty = root.querySelector<HTMLElement>('[data-finder-empty]')!;
  const dialog = root.querySelector<HTMLDialogElement>('dialog[data-compare]')!;
  const bar = root.querySelector<HTMLElement>('[data-shortlist-bar]')!;
  const openButton = bar.querySelector<HTMLButtonElement>('[data-compare-open]')!;
  const announce = root.querySelector<HTMLElement>('[data-shortlist-announce]')!;
  /** each programme's list item (shown, hidden, ordered) and its card (data-course, data-eligibility) */
  const items = new Map([...list.querySelectorAll<HTMLLIElement>(':scope > li[data-course-item]')].map((li) => [li.dataset.courseItem!, li]));
  const cardOf = (id: string) => items.get(id)!.querySelector<HTMLElement>('[data-course]')!;
  const rowWords = JSON.parse(words.rows ?? '{}') as Record<string, string>;
  // on a phone the rest of the profile and the filters fold behind a button that counts those set
  const refreshFilters = initFiltersDisclosure(form);
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  // --- a Compare box on each card (only with JavaScript: without it a shortlist could not work) -----
  const boxes = new Map<string, HTMLInputElement>();
  for (const id of items.keys()) {
    const card = cardOf(id);
    const label = document.createElement('label');
    label.className = 'pick';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    box.dataset.pick = id;
    const text = document.createElement('span');
    text.id = `pick-${id}`;
    text.textContent = words.compareHead ?? '';
    // named "Compare" and the programme's heading: the visible word first (its name contains what is shown)
    box.setAttribute('aria-labelledby', `pick-${id} c-${id}-h`);
    label.append(box, ' ', text);
    card.querySelector('.pcard-head')!.append(label);
    boxes.set(id, box);
  }

  // --- state ⇄ form ⇄ URL -----------------------------------------------------------------------
  function stateFromForm(): FinderState {
    const p = new URLSearchParams();
    for (const el of form.elements) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !el.name) continue;
      if (el instanceof HTMLInputElement && el.type === 'checkbox') { if (el.checked) p.set(el.name, el.value); continue; }
      if (el.value !== '') p.set(el.name, el.value);
    }
    return readFinderState(p);
  }
  function setForm(s: FinderState): void {
    const q = new URLSearchParams(writeFinderState(s));
    for (const el of form.elements) {
      if (!(el instanceof HTMLInputElement || el instanceof HTMLSelectElement) || !el.name) continue;
      const v = q.get(el.name) ?? '';
      if (el instanceof HTMLInputElement && el.type === 'checkbox') el.checked = v === el.value;
      else if (el.name === 'gpaScale') el.value = String(s.profile.gpaScale);
      else if (el.name === 'sort') el.value = s.filters.sort;
      else {
        el.value = v;
        if (el instanceof HTMLSelectElement && el.value !== v) el.value = '';
      }
    }
    for (const [id, box] of boxes) box.checked = s.list.includes(id);
    refreshFilters();
  }
  // --- the address: codes read ignoring case against what the form offers; the rest named -------
  const vocab: FinderVocabulary = { ...formVocabulary(form, ['country', 'region', 'lang'] as const), list: [...items.keys()] };
  const notice = root.querySelector<HTMLElement>('[data-url-notice]');
  /** The state an address asks for; what cannot be used is named in the notice and left out of the address. */
  function stateOfAddress(): FinderState {
    const { state: s, problems } = parseFinderState(location.search, vocab);
    settleAddress(notice, problems, writeFinderState(s));
    return s;
  }
  /** An address made by the no-JavaScript links (#class-a, #by-stipend) is read as the filter or sort it shows. */
  function adoptHash(): void {
    const m = /^#(?:class-([a-z]+)|by-(stipend))$/.exec(location.hash);
    if (!m) return;
    const q = new URLSearchParams(location.search);
    if (m[1]) q.set('class', m[1]); else q.set('sort', m[2]!);
    history.replaceState(null, '', `${location.pathname}?${q.toString().replace(/%2C/g, ',')}`);
  }
  adoptHash();
  let state = stateOfAddress();
  // A profile saved earlier fills in when the URL brings none (a shared link's profile wins).
  const urlHasProfile = PROFILE_KEYS.some((k) => new URLSearchParams(location.search).has(k));
  if (!urlHasProfile) {
    try {
      const saved = localStorage.getItem(STORAGE_KEY);
      if (saved) {
        state = { ...state, profile: readFinderState(saved).profile };
        history.replaceState(null, '', location.pathname + writeFinderState(state) + location.hash);
      }
    } catch { /* storage unavailable: the URL alone holds the profile */ }
  }
  function save(): void {
    try {
      const q = profileQuery(state.profile);
      if (q) localStorage.setItem(STORAGE_KEY, q); else localStorage.removeItem(STORAGE_KEY);
    } catch { /* ignore */ }
  }
  /** whether the current history entry is the one opening the comparison pushed */
  let entryOfOpen = false;
  function commit(mode: 'push' | 'replace'): void {
    const qs = writeFinderState(state);
    if (mode === 'push') entryOfOpen = false;
    if (qs !== location.search) {
      const url = location.pathname + qs + location.hash;
      if (mode === 'push') history.pushState(null, '', url); else history.replaceState(null, '', url);
    }
    syncLangSwitch();
    save();
  }
  const langSwitch = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
  const langBase = langSwitch?.getAttribute('href')?.split('?')[0] ?? null;
  const syncLangSwitch = () => { if (langSwitch && langBase !== null) langSwitch.href = langBase + location.search; };

  // --- rendering --------------------------------------------------------------------------------
  const lineLinks = (lines: number[]): Node[] => {
    if (!lines.length || !words.lineHref) return [];
    const out: Node[] = [document.createTextNode(locale === 'ja' ? '（' : ' (')];
    lines.forEach((line, i) => {
      const a = document.createElement('a');
      a.className = 'src';
      a.href = words.lineHref!.replace('{line}', String(line));
      a.textContent = fill(i === 0 ? words.conditionSource : words.lineOnly, { line });
      if (i > 0) out.push(document.createTextNode(locale === 'ja' ? '、' : ', '));
      out.push(a);
    });
    out.push(document.createTextNode(locale === 'ja' ? '）' : ')'));
    return out;
  };
  /** In English a reason after the first goes on in lower case ("…; every section 4.5 or more"), an acronym kept ("IELTS", "TMU's"). */
  const goOn = (text: string, i: number) => (locale === 'en' && i > 0 && /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text);
  const checkLine = (c: Check) => [`${checkLabel[c.kind] ?? c.kind}: `, c.reasons.map((r, i) => goOn(reasonText(locale, r), i)).join(locale === 'ja' ? '。' : '; ')] as const;
  /** A check as a label and its reasons (the Japanese a requirement quotes marked). */
  const checkNodes = (c: Check): Node[] => {
    const [label, text] = checkLine(c);
    const l = document.createElement('span');
    l.className = 'muted';
    l.textContent = label;
    return [l, ...withRuns(text).map((x) => (typeof x === 'string' ? document.createTextNode(x) : x))];
  };
  /** The status and its one-line reason; every check in a disclosure under it. */
  function verdictCell(cell: HTMLElement, v: Verdict | undefined): void {
    if (!v) {
      const dash = document.createElement('span');
      dash.className = 'muted';
      dash.textContent = words.pending ?? '—';
      cell.replaceChildren(dash);
      return;
    }
    const badge = document.createElement('strong');
    badge.className = `status status-${v.status}`;
    badge.textContent = statusLabel[v.status];
    const reason = document.createElement('p');
    reason.className = 'reason';
    const deciding = v.checks.filter((c) => (v.status === 'eligible' || v.status === 'conditional' ? false : c.outcome === v.status));
    if (v.condition) {
      // "Eligible if every IELTS section is 4.5 or more (source: … line 92)", linked to each line it comes from.
      reason.classList.add('condition');
      const lines = v.condition.lines ?? (v.condition.line !== undefined ? [v.condition.line] : []);
      reason.append(...withRuns(conditionText(locale, v.condition)), ...lineLinks(lines));
    } else if (deciding.length) {
      deciding.forEach((c, i) => {
        if (i > 0) reason.append(' · ');
        reason.append(...checkNodes(c));
      });
    } else reason.textContent = words.eligibleAll ?? '';
    const parts: Node[] = [badge, reason];
    const all = v.checks.filter((c) => c.outcome !== 'none' || c.reasons.some((r) => r.code === 'partner-gpa-first'));
    if (all.length) {
      const details = document.createElement('details');
      const s = document.createElement('summary');
      s.textContent = words.allChecks ?? '';
      const ul = document.createElement('ul');
      for (const c of all) {
        const li = document.createElement('li');
        li.append(...checkNodes(c));
        ul.append(li);
      }
      details.append(s, ul);
      parts.push(details);
    }
    cell.replaceChildren(...parts);
  }

  /** the cards whose status slot the script has written */
  const drawn = new Set<string>();
  function render(): void {
    const { ids, verdicts } = showProgrammes(data.programmes, state, data.mins);
    const shown = new Set(ids);
    for (const [id, li] of items) {
      li.hidden = !shown.has(id);
      const card = cardOf(id);
      const v = verdicts.get(id);
      if (v) card.dataset.eligibility = v.status; else delete card.dataset.eligibility;
      // a card without a verdict keeps the page's own words until it has had one (no work on a first visit)
      if (v || drawn.has(id)) { verdictCell(card.querySelector<HTMLElement>('[data-cell="verdict"]')!, v); if (v) drawn.add(id); else drawn.delete(id); }
    }
    // Order: the shown cards in order, the hidden ones after them.
    const order = [...ids.map((id) => items.get(id)!), ...[...items.values()].filter((li) => li.hidden)];
    if (order.some((li, i) => list.children[i] !== li)) list.append(...order);
    // the destination-class links say which one is chosen
    for (const a of root.querySelectorAll<HTMLAnchorElement>('.class-nav a[data-class-link], .class-nav a[data-sort-link]')) {
      const on = a.dataset.sortLink !== undefined ? state.filters.sort === a.dataset.sortLink : a.dataset.classLink === state.filters.dest;
      if (on) a.setAttribute('aria-current', 'true'); else a.removeAttribute('aria-current');
    }
    // Summary and hints.
    const counts: Record<Status, number> = { eligible: 0, conditional: 0, short: 0, unknown: 0, ineligible: 0 };
    for (const id of ids) { const v = verdicts.get(id); if (v) counts[v.status]++; }
    const shownText = fill(words.shown, { n: nf.format(ids.length), total: nf.format(items.size) });
    // the statuses present, in the order of the default sort (a count of none is left out)
    const present = STATUS_ORDER.filter((st) => counts[st] > 0).map((st) => `${statusLabel[st]}: ${nf.format(counts[st])}`);
    summary.textContent = hasProfile(state.profile)
      ? [shownText, ...present].join(' · ')
      : `${shownText} · ${words.summaryNone ?? ''}`;
    // Conditional because no section score was entered (not because of named sections above it).
    const needSection = [...verdicts.entries()].filter(([id, v]) => shown.has(id) && v.status === 'conditional' &&
      v.checks.some((c) => c.reasons.some((r) => r.code === 'section-condition'))).length;
    hint.hidden = needSection === 0;
    hint.textContent = needSection ? fill(words.hintSection, { n: nf.format(needSection) }) : '';
    empty.hidden = ids.length > 0;
    renderCompare();
  }

  /** The shortlist: the bar's count, the boxes (at most SHORTLIST_MAX), and the side-by-side table in the dialog. */
  function renderCompare(): void {
    const chosen = state.list.filter((id) => items.has(id)).slice(0, SHORTLIST_MAX);
    bar.hidden = chosen.length === 0;
    const count = fill(words.selected, { n: nf.format(chosen.length) });
    bar.querySelector('[data-selected-count]')!.textContent = count;
    const full = chosen.length >= SHORTLIST_MAX;
    // said once per change to screen readers (the bar itself appears and disappears)
    const said = chosen.length === 0 ? '' : full ? `${count}. ${words.full ?? ''}` : count;
    if (announce.textContent !== said) announce.textContent = said;
    for (const [id, box] of boxes) {
      box.disabled = full && !chosen.includes(id);
      box.closest('label')!.title = box.disabled ? words.full ?? '' : '';
    }
    const host = dialog.querySelector<HTMLElement>('[data-compare-table]')!;
    dialog.querySelector<HTMLElement>('[data-compare-empty]')!.hidden = chosen.length > 0;
    if (chosen.length === 0) { host.replaceChildren(); if (dialog.open) dialog.close(); return; }
    const t = document.createElement('table');
    t.className = 'compare-table';
    t.dataset.columns = String(chosen.length);
    const head = t.createTHead().insertRow();
    for (const id of chosen) {
      const h = document.createElement('th');
      h.scope = 'col';
      const name = cardOf(id).querySelector('.pcard-name a');
      if (name) h.append(...[...name.childNodes].map((x) => x.cloneNode(true)));
      const course = document.createElement('div');
      course.className = 'muted small';
      course.textContent = id;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link';
      remove.dataset.unpick = id;
      remove.setAttribute('aria-label', fill(words.remove, { course: `${name?.textContent?.trim() ?? ''} (${id})` }));
      remove.textContent = '×';
      course.append(' ', remove);
      h.append(course);
      head.append(h);
    }
    // each fact a group: its name across the columns, then each programme's value (narrow enough for a phone)
    for (const name of ['verdict', 'where', 'places', 'levels', 'language', 'gpa', 'ielts', 'toefl', 'other', 'money']) {
      const body = t.createTBody();
      const label = body.insertRow();
      const th = document.createElement('th');
      th.scope = 'rowgroup';
      th.colSpan = chosen.length;
      th.textContent = rowWords[name] ?? name;
      label.append(th);
      const row = body.insertRow();
      row.dataset.fact = name;
      for (const id of chosen) {
        const card = cardOf(id);
        const src = name === 'where' ? card.querySelector('.pcard-where') : card.querySelector(`[data-cell="${name}"]`);
        const value = src?.querySelector('dd') ?? src;
        const td = row.insertCell();
        if (value) td.append(...[...value.childNodes].filter((x) => !(x instanceof HTMLDetailsElement)).map((x) => x.cloneNode(true)));
      }
    }
    host.replaceChildren(t);
  }

  // --- events -----------------------------------------------------------------------------------
  let typing: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener('input', (ev) => {
    const t = ev.target as HTMLElement;
    if (!(t instanceof HTMLInputElement) || t.type === 'checkbox') return;
    clearTimeout(typing);
    typing = setTimeout(() => { state = { ...stateFromForm(), list: state.list }; commit('replace'); render(); }, 200);
  });
  form.addEventListener('change', (ev) => {
    const t = ev.target as HTMLElement;
    clearTimeout(typing);
    state = { ...stateFromForm(), list: state.list };
    commit(t instanceof HTMLInputElement && t.type === 'number' ? 'replace' : 'push');
    render();
  });
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    state = { ...stateFromForm(), list: state.list };
    commit('push');
    render();
  });
  form.querySelector<HTMLAnchorElement>('[data-clear]')?.addEventListener('click', () => {
    try { localStorage.removeItem(STORAGE_KEY); } catch { /* ignore */ }
  });
  list.addEventListener('change', (ev) => {
    const box = ev.target as HTMLInputElement;
    const id = box.dataset.pick;
    if (!id) return;
    const next = state.list.filter((x) => x !== id);
    if (box.checked && next.length < SHORTLIST_MAX) next.push(id);
    state = { ...state, list: next };
    commit('push');
    render();
  });
  // the destination-class links (and the order by stipend) set the filter in place
  root.addEventListener('click', (ev) => {
    const a = (ev.target as HTMLElement).closest<HTMLAnchorElement>('a[data-class-link], a[data-sort-link]');
    if (!a) return;
    ev.preventDefault();
    const f = { ...state.filters };
    if (a.dataset.sortLink !== undefined) f.sort = a.dataset.sortLink as typeof f.sort;
    else f.dest = (a.dataset.classLink ?? '') as typeof f.dest;
    if (dialog.open) dialog.close();
    state = { ...state, filters: f };
    setForm(state);
    commit('push');
    render();
    // the link may have moved with its card: the reader goes on from the count of what is shown
    summary.focus({ preventScroll: true });
    summary.scrollIntoView({ block: 'start' });
  });
  // The comparison has its own history entry (#compare): Back closes it, as on a phone one expects,
  // instead of undoing the last tick. Closing it otherwise steps back over that entry when nothing
  // was changed inside it (entryOfOpen, above), else drops the #compare from the address.
  const withoutHash = () => location.pathname + location.search;
  function openCompare(): void {
    if (!dialog.open) dialog.showModal();
    if (location.hash !== '#compare') { history.pushState(null, '', `${withoutHash()}#compare`); entryOfOpen = true; }
    dialog.querySelector<HTMLElement>('#compare-h')!.focus();
  }
  openButton.addEventListener('click', openCompare);
  dialog.addEventListener('close', () => {
    if (location.hash === '#compare') {
      if (entryOfOpen) history.back(); else history.replaceState(null, '', withoutHash());
    }
    entryOfOpen = false;
    if (!bar.hidden) openButton.focus();
  });
  const onShortlistClick = (ev: Event) => {
    const b = (ev.target as HTMLElement).closest('button');
    if (!b) return;
    if (b.dataset.unpick) state = { ...state, list: state.list.filter((x) => x !== b.dataset.unpick) };
    else if (b.hasAttribute('data-compare-clear')) { state = { ...state, list: [] }; if (dialog.open) dialog.close(); }
    else if (b.hasAttribute('data-compare-close')) { dialog.close(); return; }
    else if (b.hasAttribute('data-print')) { window.print(); return; }
    else return;
    for (const [id, box] of boxes) box.checked = state.list.includes(id);
    commit('push');
    render();
    if (dialog.open) dialog.querySelector<HTMLElement>('#compare-h')!.focus();
    else if (bar.hidden) summary.focus();
  };
  dialog.addEventListener('click', onShortlistClick);
  bar.addEventListener('click', onShortlistClick);
  window.addEventListener('popstate', () => {
    if (dialog.open && location.hash !== '#compare') { entryOfOpen = false; dialog.close(); }
    state = stateOfAddress();
    setForm(state);
    syncLangSwitch();
    render();
  });

  setForm(state);
  syncLangSwitch();
  render();
  // a shared comparison (…?list=…#compare) opens on arrival
  if (location.hash === '#compare') {
    history.replaceState(null, '', withoutHash());
    if (!bar.hidden) openCompare();
  }
  root.dataset.ready = 'true';
}
