/**
 * The last step of reading a page's address (src/lib/url-state.ts), shared by the directory and the
 * finder: the values it could not use are named in the page's notice (role="status"; its words in
 * data-lead, data-unknown, data-malformed, data-sep) or the notice is hidden, and the address is
 * rewritten to what is shown — codes in their case, unusable values left out.
 */
import { noticeText, type UrlProblem } from '../lib/url-state.ts';

/** What a form offers for each of `keys`: the values of its select of that name (empty "any" left out). */
export function formVocabulary<K extends string>(form: HTMLFormElement, keys: readonly K[]): Partial<Record<K, string[]>> {
  const out: Partial<Record<K, string[]>> = {};
  for (const k of keys) {
    const el = form.elements.namedItem(k);
    if (el instanceof HTMLSelectElement) out[k] = [...el.options].map((o) => o.value).filter(Boolean);
  }
  return out;
}

export function settleAddress(notice: HTMLElement | null, problems: readonly UrlProblem[], canonical: string): void {
  if (notice) {
    notice.hidden = problems.length === 0;
    const d = notice.dataset;
    notice.textContent = problems.length ? noticeText(problems, { lead: d.lead ?? '', unknown: d.unknown ?? '{key}={value}', malformed: d.malformed ?? '{key}={value}', ...(d.excess ? { excess: d.excess } : {}), sep: d.sep ?? ', ' }) : '';
  }
  if (canonical !== location.search) history.replaceState(null, '', location.pathname + canonical + location.hash);
}
