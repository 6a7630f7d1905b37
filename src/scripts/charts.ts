/**
 * Tooltips for the build-time charts (src/components/Chart.astro), partner maps
 * (src/components/PartnerMap.astro) and flow maps (src/components/FlowMap.astro): every mark that carries a <title> (Plot's `title` channel)
 * becomes focusable and shows its text in a tooltip on hover, keyboard focus and tap; Escape hides
 * it. A map is one tab stop whose marks the arrow keys walk. Without this script the <title> texts still give
 * native tooltips, and every chart has its table.
 *
 * And each chart's image downloads: the SVG as drawn (with the few style rules it needs), and a PNG
 * drawn here from that SVG on a canvas. The buttons are hidden until this script runs.
 *
 * `initCharts(root)` sets up the figures under `root` that are not set up yet: the statistics
 * explorer (src/scripts/explorer.ts) calls it on the view it swaps in.
 */
let tip: HTMLDivElement | undefined;
const show = (el: SVGElement, text: string) => {
  if (!tip) return;
  tip.textContent = text;
  tip.hidden = false;
  const r = el.getBoundingClientRect();
  tip.style.left = `${Math.round(window.scrollX + r.left + r.width / 2)}px`;
  tip.style.top = `${Math.round(window.scrollY + r.top - tip.offsetHeight - 6)}px`;
  el.setAttribute('aria-describedby', tip.id);
};
const hide = () => { if (tip) tip.hidden = true; };

/** The chart's SVG as a standalone file: sized, on a white background, with its text styles inline. */
function standaloneSvg(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const vb = svg.viewBox.baseVal;
  if (vb && vb.width) { copy.setAttribute('width', String(vb.width)); copy.setAttribute('height', String(vb.height)); }
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  for (const el of copy.querySelectorAll('[tabindex], [aria-describedby]')) { el.removeAttribute('tabindex'); el.removeAttribute('aria-describedby'); }
  const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
  style.textContent = 'svg{background:#fff;color:#1b1f24;font:12px system-ui,-apple-system,"Segoe UI","Noto Sans CJK JP","Hiragino Sans",sans-serif}text{white-space:pre}';
  copy.insertBefore(style, copy.firstChild);
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%'); bg.setAttribute('height', '100%'); bg.setAttribute('fill', '#fff');
  copy.insertBefore(bg, style.nextSibling);
  return new XMLSerializer().serializeToString(copy);
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** Downloads the figure's chart as SVG, or as a PNG at twice its size drawn from that SVG. */
export async function downloadChart(fig: HTMLElement, kind: 'svg' | 'png'): Promise<void> {
  const svg = fig.querySelector<SVGSVGElement>('.chart-svg svg');
  if (!svg) return;
  const name = fig.dataset.chart ?? fig.id ?? 'chart';
  const text = standaloneSvg(svg);
  const svgBlob = new Blob([text], { type: 'image/svg+xml;charset=utf-8' });
  if (kind === 'svg') { save(svgBlob, `${name}.svg`); return; }
  const img = new Image();
  const url = URL.createObjectURL(svgBlob);
  await new Promise<void>((resolve, reject) => { img.onload = () => resolve(); img.onerror = () => reject(new Error('the chart could not be drawn')); img.src = url; });
  const vb = svg.viewBox.baseVal;
  const w = vb?.width || img.width;
  const h = vb?.height || img.height;
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(w * 2);
  canvas.height = Math.round(h * 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(url);
  const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (png) save(png, `${name}.png`);
}

export function initCharts(root: ParentNode = document): void {
  const figures = [...root.querySelectorAll<HTMLElement>('figure.chart')].filter((f) => !f.dataset.ready);
  if (!figures.length) return;
  if (!tip) {
    tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.setAttribute('role', 'tooltip');
    tip.id = 'chart-tip';
    tip.hidden = true;
    document.body.append(tip);
    document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  }
  for (const fig of figures) {
    fig.dataset.ready = '';
    const downloads = fig.querySelector<HTMLElement>('.chart-image-downloads');
    if (downloads) {
      downloads.hidden = false;
      for (const b of downloads.querySelectorAll<HTMLButtonElement>('[data-download]')) b.addEventListener('click', () => { void downloadChart(fig, b.dataset.download as 'svg' | 'png'); });
    }
    const svg = fig.querySelector<SVGSVGElement>('.chart-svg svg') ?? fig.querySelector<SVGSVGElement>('svg');
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
}

initCharts();
