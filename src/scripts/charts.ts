/**
 * Tooltips for the build-time charts (src/components/Chart.astro), partner maps
 * (src/components/PartnerMap.astro) and flow maps (src/components/FlowMap.astro): every mark that carries a <title> (Plot's `title` channel)
 * becomes focusable and shows its text in a tooltip on hover, keyboard focus and tap; Escape hides
 * it. A map is one tab stop whose marks the arrow keys walk. Without this script the <title> texts still give
 * native tooltips, and every chart has its table.
 */
const figures = document.querySelectorAll<HTMLElement>('figure.chart');
if (figures.length) {
  const tip = document.createElement('div');
  tip.className = 'chart-tip';
  tip.setAttribute('role', 'tooltip');
  tip.id = 'chart-tip';
  tip.hidden = true;
  document.body.append(tip);
  const show = (el: SVGElement, text: string) => {
    tip.textContent = text;
    tip.hidden = false;
    const r = el.getBoundingClientRect();
    tip.style.left = `${Math.round(window.scrollX + r.left + r.width / 2)}px`;
    tip.style.top = `${Math.round(window.scrollY + r.top - tip.offsetHeight - 6)}px`;
    el.setAttribute('aria-describedby', tip.id);
  };
  const hide = () => { tip.hidden = true; };
  for (const fig of figures) {
    // the chart's own SVG, not a legend swatch's (legends are written in HTML, with small SVGs, before it)
    const svg = fig.querySelector<SVGSVGElement>('.chart-svg svg') ?? fig.querySelector('svg');
    if (!svg) continue;
    // The chart stays one image for screen readers (its table is the accessible version); the marks
    // become reachable by keyboard for the tooltips.
    // A map has hundreds of marks: one tab stop for all of them, the arrow keys move between them
    // (west to east; Home and End to the ends). A chart's marks are each a tab stop.
    const isMap = fig.hasAttribute('data-map');
    const marks: SVGElement[] = [];
    for (const title of svg.querySelectorAll('title')) {
      const mark = title.parentElement as unknown as SVGElement | null;
      if (!mark || mark === (svg as unknown as SVGElement)) continue;
      // the text is read when shown: the directory's map rewrites it as its filters change
      const text = () => title.textContent ?? '';
      mark.setAttribute('tabindex', isMap && marks.length > 0 ? '-1' : '0');
      mark.addEventListener('pointerenter', () => show(mark, text()));
      mark.addEventListener('pointerleave', hide);
      mark.addEventListener('focus', () => show(mark, text()));
      mark.addEventListener('blur', hide);
      mark.addEventListener('click', () => show(mark, text()));
      marks.push(mark);
    }
    if (isMap && marks.length > 1) {
      // west to east: by where the mark is, or where it ends (data-x: a flow map's lines all start at one point)
      const x = (m: SVGElement) => (m.hasAttribute('data-x') ? Number(m.getAttribute('data-x')) : m.getBoundingClientRect().left);
      svg.addEventListener('keydown', (e) => {
        const current = marks.indexOf(e.target as SVGElement);
        if (current < 0) return;
        const visible = marks.filter((m) => m.getAttribute('display') !== 'none').sort((a, b) => x(a) - x(b));
        const at = visible.indexOf(marks[current]!);
        const next = e.key === 'ArrowRight' || e.key === 'ArrowDown' ? visible[at + 1]
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? visible[at - 1]
            : e.key === 'Home' ? visible[0] : e.key === 'End' ? visible[visible.length - 1] : undefined;
        if (!next) return;
        e.preventDefault();
        marks[current]!.setAttribute('tabindex', '-1');
        next.setAttribute('tabindex', '0');
        (next as unknown as HTMLElement).focus();
      });
    }
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
}

export {};
