/**
 * Finds Japanese text on an English page that is not marked as Japanese: every character of the
 * Hiragana, Katakana or Han scripts, or Japanese punctuation (「」、。〜 and the rest of CJK Symbols
 * and Punctuation, ・, the prolonged sound mark ー, fullwidth forms such as （）：) in a text node or in an accessible name — aria-label,
 * aria-description, title, alt, placeholder, aria-roledescription, value of a button-like input —
 * that has no ancestor (or self) whose `lang` starts with "ja". <option> text, svg <title>/<desc> and
 * figcaption are text nodes, so they are walked like any other. <script>, <style>, <template> and
 * <noscript> are skipped (not page text); so are JSON data blocks.
 *
 * `strayJapanese` is self-contained (no closure over module scope, no helpers outside its body): the
 * browser test passes it to `page.evaluate`, which serialises its source; the dist/ test calls it on a
 * linkedom document.
 */
export interface StrayJapanese {
  /** element path from <html>: tag, #id or .first-class, :nth-of-type when it has same-tag siblings */
  path: string;
  /** `text` for a text node, else the attribute's name */
  where: string;
  /** the whole offending text (trimmed, whitespace collapsed, at most 160 characters) */
  text: string;
}

export function strayJapanese(root: Document): StrayJapanese[] {
  const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}\u3001-\u303f\u30fb\u30fc\uff01-\uff60]/u;
  const ATTRS = ['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'alt', 'placeholder'];
  const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT']);
  const out: StrayJapanese[] = [];
  const pathOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e.nodeType === 1; e = e.parentElement) {
      const tag = e.tagName.toLowerCase();
      let part = tag;
      const id = e.getAttribute('id');
      const cls = (e.getAttribute('class') ?? '').trim().split(/\s+/)[0];
      if (id) part += `#${id}`;
      else if (cls) part += `.${cls}`;
      const parent = e.parentElement;
      if (parent && !id) {
        const same = Array.from(parent.children).filter((c) => c.tagName === e!.tagName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(e) + 1})`;
      }
      parts.unshift(part);
      if (id) break;
    }
    return parts.join(' > ');
  };
  const clip = (s: string) => {
    const t = s.replace(/\s+/g, ' ').trim();
    return t.length > 160 ? `${t.slice(0, 157)}…` : t;
  };
  const walk = (el: Element) => {
    const lang = el.getAttribute('lang');
    if (lang !== null && /^ja\b/i.test(lang)) return;
    if (SKIP.has(el.tagName.toUpperCase())) return;
    for (const name of ATTRS) {
      const v = el.getAttribute(name);
      if (v && JAPANESE.test(v)) out.push({ path: pathOf(el), where: name, text: clip(v) });
    }
    if (el.tagName.toUpperCase() === 'INPUT' && /^(button|submit|reset)$/i.test(el.getAttribute('type') ?? '')) {
      const v = el.getAttribute('value');
      if (v && JAPANESE.test(v)) out.push({ path: pathOf(el), where: 'value', text: clip(v) });
    }
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === 1) walk(child as Element);
      else if (child.nodeType === 3 && JAPANESE.test(child.nodeValue ?? '')) out.push({ path: pathOf(el), where: 'text', text: clip(child.nodeValue ?? '') });
    }
  };
  walk(root.documentElement);
  return out;
}

/** One line per finding: `path [where] "text"`. */
export function formatStray(found: StrayJapanese[]): string {
  return found.map((f) => `${f.path} [${f.where}] ${JSON.stringify(f.text)}`).join('\n');
}
