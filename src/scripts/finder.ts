/**
 * Progressive enhancement of the programme finder (src/views/ProgrammesView.astro). Without it the
 * page is the complete table. With it:
 *   - the profile and filters are read from the URL (DATA-MODEL.md keys, src/lib/finder-state.ts);
 *     a profile saved in this browser (localStorage) fills in when the URL has none;
 *   - every change updates the URL (replaceState while typing, pushState otherwise; Back/Forward
 *     restore), the rows shown and their order, and each row's status (data-eligibility) with its
 *     reasons, worded by src/lib/eligibility-text.ts;
 *   - a compare column adds programmes to a shortlist (the URL's `list`), shown side by side.
 * Everything is built with DOM APIs from the embedded data; nothing is sent anywhere.
 */
import { readFinderState, parseFinderState, writeFinderState, profileQuery, PROFILE_KEYS, SHORTLIST_MAX, type FinderState, type FinderVocabulary } from '../lib/finder-state.ts';
import { settleAddress, formVocabulary } from './url-notice.ts';
import { showProgrammes, type FinderProgramme } from '../lib/finder.ts';
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
  const table = root.querySelector<HTMLTableElement>('table[data-programmes]')!;
  const tbody = table.tBodies[0]!;
  const summary = root.querySelector<HTMLElement>('[data-finder-summary]')!;
  const hint = root.querySelector<HTMLElement>('[data-finder-hint]')!;
  const empty = root.querySelector<HTMLElement>('[data-finder-empty]')!;
  const compare = root.querySelector<HTMLElement>('[data-compare]')!;
  const rows = new Map([...tbody.rows].map((tr) => [tr.dataset.course!, tr]));
  // on a phone the profile and filters fold behind a button that counts those set
  const refreshFilters = initFiltersDisclosure(form);
  const control = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;

  // --- the compare column (only with JavaScript: without it a shortlist could not work) -------
  const headRow = table.tHead!.rows[0]!;
  const th = document.createElement('th');
  th.scope = 'col';
  th.textContent = words.compareHead ?? '';
  headRow.append(th);
  const boxes = new Map<string, HTMLInputElement>();
  for (const [id, tr] of rows) {
    const td = document.createElement('td');
    td.dataset.label = words.compareHead ?? '';
    td.className = 'pick';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.value = id;
    // the name in the page's language, without the other language's name shown after it (an attribute cannot mark a language)
    const name = (tr.querySelector('a.name > span:not(.other-name)') ?? tr.querySelector('a.name'))?.textContent?.trim() ?? id;
    box.setAttribute('aria-label', fill(words.add, { name: `${id} ${name}` }));
    box.dataset.pick = id;
    td.append(box);
    tr.append(td);
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
  const vocab: FinderVocabulary = { ...formVocabulary(form, ['country', 'region', 'lang'] as const), list: [...rows.keys()] };
  const notice = root.querySelector<HTMLElement>('[data-url-notice]');
  /** The state an address asks for; what cannot be used is named in the notice and left out of the address. */
  function stateOfAddress(): FinderState {
    const { state: s, problems } = parseFinderState(location.search, vocab);
    settleAddress(notice, problems, writeFinderState(s));
    return s;
  }
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
  function commit(mode: 'push' | 'replace'): void {
    const qs = writeFinderState(state);
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
  function verdictCell(td: HTMLElement, v: Verdict | undefined): void {
    if (!v) {
      const dash = document.createElement('span');
      dash.className = 'muted';
      dash.textContent = '—';
      td.replaceChildren(dash);
      return;
    }
    const badge = document.createElement('strong');
    badge.className = `status status-${v.status}`;
    badge.textContent = statusLabel[v.status];
    const deciding = v.checks.filter((c) => (v.status === 'eligible' || v.status === 'conditional' ? false : c.outcome === v.status));
    const list = (checks: Check[]) => {
      const ul = document.createElement('ul');
      for (const c of checks) {
        const li = document.createElement('li');
        const label = document.createElement('span');
        label.className = 'muted';
        label.textContent = `${checkLabel[c.kind] ?? c.kind}: `;
        li.append(label, ...withRuns(c.reasons.map((r) => reasonText(locale, r)).join(locale === 'ja' ? '。' : '; ')));
        ul.append(li);
      }
      return ul;
    };
    const parts: Node[] = [badge];
    if (v.condition) {
      // "Eligible if every IELTS section is 4.5 or more (source: … line 92)", linked to each line it comes from.
      const p = document.createElement('p');
      p.className = 'condition';
      p.append(...withRuns(conditionText(locale, v.condition)));
      const lines = v.condition.lines ?? (v.condition.line !== undefined ? [v.condition.line] : []);
      if (lines.length && words.lineHref) {
        p.append(locale === 'ja' ? '（' : ' (');
        lines.forEach((line, i) => {
          const a = document.createElement('a');
          a.className = 'src';
          a.href = words.lineHref!.replace('{line}', String(line));
          a.textContent = fill(i === 0 ? words.conditionSource : words.lineOnly, { line });
          if (i > 0) p.append(locale === 'ja' ? '、' : ', ');
          p.append(a);
        });
        p.append(locale === 'ja' ? '）' : ')');
      }
      parts.push(p);
    }
    if (deciding.length) parts.push(list(deciding));
    const all = v.checks.filter((c) => c.outcome !== 'none' || c.reasons.some((r) => r.code === 'partner-gpa-first'));
    if (all.length) {
      const details = document.createElement('details');
      const s = document.createElement('summary');
      s.textContent = words.allChecks ?? '';
      details.append(s, list(all));
      parts.push(details);
    }
    td.replaceChildren(...parts);
  }

  function render(): void {
    const { ids, verdicts } = showProgrammes(data.programmes, state, data.mins);
    const shown = new Set(ids);
    for (const [id, tr] of rows) {
      tr.hidden = !shown.has(id);
      const v = verdicts.get(id);
      if (v) tr.dataset.eligibility = v.status; else delete tr.dataset.eligibility;
      verdictCell(tr.querySelector<HTMLElement>('[data-cell="verdict"]')!, v);
    }
    // Order: the shown rows in order, the hidden ones after them.
    const order = [...ids.map((id) => rows.get(id)!), ...[...rows.values()].filter((tr) => tr.hidden)];
    if (order.some((tr, i) => tbody.rows[i] !== tr)) tbody.append(...order);
    // Summary and hints.
    const counts: Record<Status, number> = { eligible: 0, conditional: 0, short: 0, unknown: 0, ineligible: 0 };
    for (const id of ids) { const v = verdicts.get(id); if (v) counts[v.status]++; }
    const shownText = fill(words.shown, { n: nf.format(ids.length), total: nf.format(rows.size) });
    summary.textContent = hasProfile(state.profile)
      ? `${shownText} · ${fill(words.summary, Object.fromEntries(Object.entries(counts).map(([k, x]) => [k, nf.format(x)])))}`
      : `${shownText} · ${words.summaryNone ?? ''}`;
    // Conditional because no section score was entered (not because of named sections above it).
    const needSection = [...verdicts.entries()].filter(([id, v]) => shown.has(id) && v.status === 'conditional' &&
      v.checks.some((c) => c.reasons.some((r) => r.code === 'section-condition'))).length;
    hint.hidden = needSection === 0;
    hint.textContent = needSection ? fill(words.hintSection, { n: nf.format(needSection) }) : '';
    empty.hidden = ids.length > 0;
    renderCompare();
  }

  function renderCompare(): void {
    const list = state.list.filter((id) => rows.has(id)).slice(0, SHORTLIST_MAX);
    compare.hidden = state.list.length === 0;
    const full = list.length >= SHORTLIST_MAX;
    for (const [id, box] of boxes) box.disabled = full && !list.includes(id);
    const host = compare.querySelector<HTMLElement>('[data-compare-table]')!;
    compare.querySelector<HTMLElement>('[data-compare-empty]')!.hidden = list.length > 0;
    if (list.length === 0) { host.replaceChildren(); return; }
    const t = document.createElement('table');
    t.className = 'compare-table';
    const head = t.createTHead().insertRow();
    head.append(document.createElement('td'));
    for (const id of list) {
      const h = document.createElement('th');
      h.scope = 'col';
      h.textContent = id;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.className = 'link';
      remove.dataset.unpick = id;
      remove.setAttribute('aria-label', fill(words.remove, { course: id }));
      remove.textContent = '×';
      h.append(' ', remove);
      head.append(h);
    }
    const body = t.createTBody();
    const labels = [...table.tHead!.rows[0]!.cells].slice(1, -1);
    const cellNames = ['partner', 'places', 'levels', 'gpa', 'ielts', 'toefl', 'other', 'verdict'];
    cellNames.forEach((name, i) => {
      const tr = body.insertRow();
      const rh = document.createElement('th');
      rh.scope = 'row';
      rh.textContent = labels[i]?.textContent ?? name;
      tr.append(rh);
      for (const id of list) {
        const src = rows.get(id)!.querySelector(`[data-cell="${name}"]`);
        const td = tr.insertCell();
        if (src) td.append(...[...src.childNodes].map((n) => n.cloneNode(true)));
      }
    });
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
  tbody.addEventListener('change', (ev) => {
    const box = ev.target as HTMLInputElement;
    const id = box.dataset.pick;
    if (!id) return;
    const list = state.list.filter((x) => x !== id);
    if (box.checked && list.length < SHORTLIST_MAX) list.push(id);
    state = { ...state, list };
    commit('push');
    render();
  });
  compare.addEventListener('click', (ev) => {
    const b = (ev.target as HTMLElement).closest('button');
    if (!b) return;
    if (b.dataset.unpick) state = { ...state, list: state.list.filter((x) => x !== b.dataset.unpick) };
    else if (b.hasAttribute('data-compare-clear')) state = { ...state, list: [] };
    else if (b.hasAttribute('data-print')) { window.print(); return; }
    else return;
    for (const [id, box] of boxes) box.checked = state.list.includes(id);
    commit('push');
    render();
  });
  window.addEventListener('popstate', () => {
    state = stateOfAddress();
    setForm(state);
    syncLangSwitch();
    render();
  });

  setForm(state);
  syncLangSwitch();
  render();
  root.dataset.ready = 'true';
}
