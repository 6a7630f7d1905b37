/**
 * Tooltips for the build-time charts (src/components/Chart.astro): every mark that carries a
 * <title> (Plot's `title` channel) becomes focusable and shows its text in a tooltip on hover,
 * keyboard focus and tap; Escape hides it. Without this script the <title> texts still give
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
    const svg = fig.querySelector('svg');
    if (!svg) continue;
    // The chart stays one image for screen readers (its table is the accessible version); the marks
    // become reachable by keyboard for the tooltips.
    for (const title of svg.querySelectorAll('title')) {
      const mark = title.parentElement as unknown as SVGElement | null;
      if (!mark || mark === (svg as unknown as SVGElement)) continue;
      const text = title.textContent ?? '';
      mark.setAttribute('tabindex', '0');
      mark.addEventListener('pointerenter', () => show(mark, text));
      mark.addEventListener('pointerleave', hide);
      mark.addEventListener('focus', () => show(mark, text));
      mark.addEventListener('blur', hide);
      mark.addEventListener('click', () => show(mark, text));
    }
  }
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
}
