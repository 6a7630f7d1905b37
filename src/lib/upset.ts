/**
 * An UpSet chart as SVG markup: the sizes of the exclusive intersections of a few sets as bars, over
 * a dot matrix that says which sets each bar is (filled dot: in it), and each set's size as a bar on
 * the left. One renderer for the build (the /compare/ page) and the browser (its picker redraws it),
 * so it returns a string and imports nothing. Colours pass 4.5:1 on white; the numbers are written on
 * the bars, so nothing is told by colour alone.
 */

export interface UpsetSet { id: string; label: string; size: number; lang?: string }
export interface UpsetBar { sets: string[]; count: number }
export interface UpsetModel {
  sets: UpsetSet[];
  bars: UpsetBar[];
  /** accessible name and description of the SVG */
  title: string;
  desc: string;
  /** words: "{n} partners: {sets}" for a bar's tooltip */
  barLabel: (bar: UpsetBar) => string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const BAR = '#1f5f99';
const DOT = '#1c2733';
const OFF = '#c9d1da';

/** The chart's SVG markup (role="img", titled; every bar a <g> with data-sets and data-count). */
export function upsetSvg(m: UpsetModel): string {
  const rowH = 26;
  // room for the longest label at 12px: about 12px a CJK character, 7px a Latin one
  const textW = (s: string) => [...s].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 12 : 7), 0);
  const labelW = Math.min(280, Math.max(80, ...m.sets.map((s) => textW(s.label) + 12)));
  const setBarW = 90;
  const colW = Math.max(22, Math.min(34, Math.floor(620 / Math.max(1, m.bars.length))));
  const left = labelW + setBarW + 12;
  const top = 18;
  const barH = 170;
  const matrixTop = top + barH + 12;
  const width = left + colW * m.bars.length + 10;
  const height = matrixTop + rowH * m.sets.length + 6;
  const max = Math.max(1, ...m.bars.map((b) => b.count));
  const maxSet = Math.max(1, ...m.sets.map((s) => s.size));
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="upset-title upset-desc" class="upset">`);
  parts.push(`<title id="upset-title">${esc(m.title)}</title><desc id="upset-desc">${esc(m.desc)}</desc>`);
  // intersection bars
  m.bars.forEach((b, i) => {
    const h = Math.max(1, Math.round((b.count / max) * barH));
    const x = left + i * colW + 3;
    parts.push(`<g data-sets="${esc(b.sets.join(','))}" data-count="${b.count}"><title>${esc(m.barLabel(b))}</title>`);
    parts.push(`<rect x="${x}" y="${top + barH - h}" width="${colW - 6}" height="${h}" fill="${BAR}"/>`);
    parts.push(`<text x="${x + (colW - 6) / 2}" y="${top + barH - h - 4}" text-anchor="middle" font-size="11" fill="${DOT}">${b.count}</text>`);
    // dots and the line joining the sets of this bar
    const rows = m.sets.map((s, r) => ({ r, on: b.sets.includes(s.id) }));
    const on = rows.filter((x) => x.on).map((x) => x.r);
    const cx = x + (colW - 6) / 2;
    if (on.length > 1) parts.push(`<line x1="${cx}" x2="${cx}" y1="${matrixTop + on[0]! * rowH + rowH / 2}" y2="${matrixTop + on[on.length - 1]! * rowH + rowH / 2}" stroke="${DOT}" stroke-width="2"/>`);
    for (const { r, on: isOn } of rows) parts.push(`<circle cx="${cx}" cy="${matrixTop + r * rowH + rowH / 2}" r="6" fill="${isOn ? DOT : OFF}"/>`);
    parts.push('</g>');
  });
  // set labels and sizes
  m.sets.forEach((s, r) => {
    const y = matrixTop + r * rowH + rowH / 2;
    if (r % 2 === 0) parts.push(`<rect x="0" y="${matrixTop + r * rowH}" width="${width}" height="${rowH}" fill="#f3f5f8"/>`);
    const w = Math.max(1, Math.round((s.size / maxSet) * (setBarW - 30)));
    parts.push(`<text x="${labelW - 6}" y="${y + 4}" text-anchor="end" font-size="12" fill="${DOT}"${s.lang ? ` lang="${s.lang}"` : ''}>${esc(s.label)}</text>`);
    parts.push(`<rect x="${labelW + setBarW - w}" y="${y - 7}" width="${w}" height="14" fill="${BAR}" opacity="0.55"/>`);
    parts.push(`<text x="${labelW + setBarW - w - 3}" y="${y + 4}" text-anchor="end" font-size="10" fill="${DOT}">${s.size}</text>`);
  });
  // the stripes were drawn after the first dots: redraw order by moving stripes first
  const stripes = parts.filter((p) => p.startsWith('<rect x="0"'));
  const rest = parts.filter((p) => !p.startsWith('<rect x="0"'));
  rest.splice(2, 0, ...stripes);
  rest.push('</svg>');
  return rest.join('');
}
