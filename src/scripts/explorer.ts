/**
 * The statistics explorer (src/components/StatsExplorer.astro). Without this script every choice is
 * a link to the view's own page and the chart, map and table are shown one after another. With it:
 * - a choice switches the view in place: the view page is fetched once (then cached), its panel and
 *   choices replace the current ones, and a status line says what is shown;
 * - on /stats/ the URL keeps the view as ?view=<id>; on a view page the URL becomes that view's page;
 *   Back and Forward go through the views;
 * - the chart, map and table become tabs (arrow keys move between them), and the tab chosen is kept
 *   from one view to the next where the new view has it; the first tab is the explorer's
 *   data-tab-initial (/stats/ opens on the flow map).
 * A ?view= naming no view is said in a notice (role=status), and the default view stays.
 */
import { initCharts } from './charts.ts';

const root = document.querySelector<HTMLElement>('[data-explorer]');
if (root) {
  const mode = root.dataset.mode as 'stats' | 'view';
  const status = root.querySelector<HTMLElement>('[data-explorer-status]')!;
  const cache = new Map<string, Promise<Document>>();
  const lang = document.documentElement.lang.startsWith('ja') ? 'ja' : 'en';
  let tab = root.dataset.tabInitial ?? 'chart';
  let current = root.dataset.view!;
  // every view's page, from the template the page gives (its locale and base path included)
  const hrefOf = new Map((root.dataset.views ?? '').split(' ').filter(Boolean)
    .map((id) => [id, new URL(root.dataset.hrefTemplate!.replace('{id}', id), location.href).href]));

  const fetchView = (href: string): Promise<Document> => {
    let p = cache.get(href);
    if (!p) {
      p = fetch(href).then((r) => {
        if (!r.ok) throw new Error(`${r.status} ${href}`);
        return r.text();
      }).then((html) => new DOMParser().parseFromString(html, 'text/html'));
      p.catch(() => cache.delete(href));
      cache.set(href, p);
    }
    return p;
  };

  function setupTabs(): void {
    const panel = root!.querySelector<HTMLElement>('[data-view-panel]')!;
    const bar = panel.querySelector<HTMLElement>('[data-tabs]');
    if (!bar) return;
    const buttons = [...bar.querySelectorAll<HTMLButtonElement>('[data-tab]')];
    const panels = new Map([...panel.querySelectorAll<HTMLElement>('[data-tabpanel]')].map((p) => [p.dataset.tabpanel!, p]));
    for (const p of panels.values()) p.removeAttribute('data-tab-off');
    bar.setAttribute('role', 'tablist');
    bar.setAttribute('aria-label', lang === 'ja' ? '表示の形' : 'Show as');
    const select = (name: string, focus = false) => {
      // a view without the tab chosen shows its chart, and the choice is kept for the next view that has it
      if (panels.has(name)) tab = name;
      else name = 'chart';
      for (const b of buttons) {
        const on = b.dataset.tab === name;
        b.setAttribute('aria-selected', String(on));
        b.tabIndex = on ? 0 : -1;
        if (on && focus) b.focus();
      }
      for (const [key, p] of panels) p.hidden = key !== name;
    };
    buttons.forEach((b, i) => {
      const id = `${current}-tab-${b.dataset.tab}`;
      const p = panels.get(b.dataset.tab!)!;
      b.id = id;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-controls', p.id || (p.id = `${current}-panel-${b.dataset.tab}`));
      p.setAttribute('role', 'tabpanel');
      p.setAttribute('aria-labelledby', id);
      p.removeAttribute('aria-label');
      p.tabIndex = 0;
      b.addEventListener('click', () => select(b.dataset.tab!));
      b.addEventListener('keydown', (e) => {
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        const to = e.key === 'Home' ? 0 : e.key === 'End' ? buttons.length - 1 : step ? (i + step + buttons.length) % buttons.length : -1;
        if (to < 0) return;
        e.preventDefault();
        select(buttons[to]!.dataset.tab!, true);
      });
    });
    select(tab);
  }

  // the latest switch asked for: a slower fetch that finishes after a newer request is dropped
  let latest = 0;
  /** Swaps in the view `id`; `push`: add a history entry. Resolves with the time it took (ms), or -1 when a newer switch overtook it. */
  async function show(id: string, push: boolean): Promise<number> {
    const t0 = performance.now();
    const mine = ++latest;
    const href = hrefOf.get(id);
    if (!href) throw new Error(`unknown view ${id}`);
    const doc = await fetchView(href);
    if (mine !== latest) return -1;
    const panel = doc.querySelector<HTMLElement>('[data-view-panel]');
    const choices = doc.querySelector<HTMLElement>('[data-view-choices]');
    if (!panel || !choices) throw new Error(`${href} has no explorer panel`);
    root!.querySelector('[data-view-panel]')!.replaceWith(document.importNode(panel, true));
    root!.querySelector('[data-view-choices]')!.replaceWith(document.importNode(choices, true));
    current = id;
    root!.dataset.view = id;
    setupTabs();
    initCharts(root!);
    const title = panel.dataset.title ?? '';
    status.textContent = lang === 'ja' ? `表示中: ${title}` : `Showing: ${title}`;
    if (mode === 'view') {
      document.title = doc.title;
      const h1 = document.querySelector('h1');
      const h1New = doc.querySelector('h1');
      if (h1 && h1New) h1.textContent = h1New.textContent;
    }
    // the language switch leads to the same view in the other language
    const langSwitch = document.querySelector<HTMLAnchorElement>('a[data-lang-switch]');
    if (langSwitch) {
      const other = new URL(langSwitch.href);
      if (mode === 'stats') other.searchParams.set('view', id);
      else other.pathname = other.pathname.replace(/\/stats\/view\/[^/]+\/$/, `/stats/view/${id}/`);
      langSwitch.setAttribute('href', `${other.pathname}${other.search}`);
    }
    if (push) {
      const url = new URL(location.href);
      if (mode === 'stats') url.searchParams.set('view', id);
      history.pushState({ view: id }, '', mode === 'stats' ? url : new URL(href));
    }
    const ms = performance.now() - t0;
    root!.dataset.switchMs = ms.toFixed(1);
    return ms;
  }

  const viewFromUrl = (): string | undefined => {
    if (mode === 'stats') return new URL(location.href).searchParams.get('view') ?? root!.dataset.defaultView;
    const m = location.pathname.match(/\/stats\/view\/([^/]+)\/$/);
    return m?.[1];
  };
  root.dataset.defaultView = current;

  root.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-view-link]');
    if (!a || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    const id = a.dataset.viewLink!;
    if (id === current) return;
    // focus comes back to the choice made: the current link of the same group (population, direction or breakdown)
    const group = a.closest('[role="group"]')?.getAttribute('aria-labelledby');
    show(id, true).then((ms) => {
      if (ms < 0) return;
      const again = group ? root!.querySelector<HTMLAnchorElement>(`[role="group"][aria-labelledby="${group}"] a[aria-current]`) : null;
      (again ?? root!.querySelector<HTMLAnchorElement>(`a[data-view-link="${id}"][aria-current]`))?.focus();
    }, () => { location.href = a.href; });
  });

  window.addEventListener('popstate', () => {
    const id = viewFromUrl();
    // a view that cannot be fetched (offline): the page at that address, loaded whole
    if (id && id !== current && hrefOf.has(id)) show(id, false).catch(() => location.reload());
  });

  setupTabs();
  // /stats/?view=<id>: show that view; a value naming no view is said, and the default stays
  const wanted = mode === 'stats' ? new URL(location.href).searchParams.get('view') : null;
  if (wanted && wanted !== current) {
    if (hrefOf.has(wanted)) void show(wanted, false);
    else {
      const notice = root.querySelector<HTMLElement>('[data-explorer-notice]')!;
      notice.textContent = lang === 'ja' ? `「${wanted}」という表示はありません。既定の表示を示しています。` : `There is no view “${wanted}”; showing the default view.`;
      notice.hidden = false;
    }
  }
  // once the reader reaches for a choice, fetch the views one choice away, so that a switch
  // waits for no network (not before: a reader who never switches downloads nothing more)
  const warm = () => { for (const a of root.querySelectorAll<HTMLAnchorElement>('a[data-view-link]')) void fetchView(a.href).catch(() => undefined); };
  root.addEventListener('pointerover', warm, { once: true });
  root.addEventListener('focusin', warm, { once: true });
}

export {};
