/** Words of the comparison pages (/compare/, /compare/<a>-<b>/), Japanese and English. */
import type { Locale } from './ui.ts';

const pct = (locale: Locale, x: number) => `${Math.round(x * 100)}%`;

export function cw(locale: Locale) {
  const ja = locale === 'ja';
  return {
    title: ja ? '大学を比べる' : 'Compare universities',
    lede: ja ? '5大学の協定校・交流先を並べて比べます。どの大学と協定校を共有しているか、どの地域に多いか、ペアごとの違いを示します。'
      : 'The five universities’ partner portfolios side by side: which partners they share, where each has its partners, and every pair compared.',
    relation: ja ? 'ここでの「関係」は、協定（大学間・部局間・CiC・戦略的）、交換留学の募集枠、ダブル・ジョイントディグリー等の学位プログラム、戦略的パートナーシップのいずれかです。各大学の公開資料に載っている範囲で数えています。'
      : 'A “relation” here is any agreement (university-wide, department, CiC or strategic), exchange place in a call, degree programme (double, joint…) or strategic partnership with the partner, as far as each university’s published list goes.',
    aboutData: ja ? 'データについて' : 'About the data',
    pick: ja ? '比べる大学（2〜5校）' : 'Universities to compare (two to five)',
    pickNoScript: ja ? '大学の選択には JavaScript が必要です。JavaScript なしでは5大学すべてを表示します。' : 'Choosing universities needs JavaScript; without it the page shows all five.',
    pickHint: ja ? '選んだ大学だけで重なり・地域別・共有の一覧を数え直します。' : 'The overlaps, regions and shared lists are recounted for the universities chosen.',
    onThisPage: ja ? 'このページの内容' : 'On this page',
    overlap: ja ? '協定校の重なり' : 'Overlap of partners',
    overlapLede: ja ? '各棒は、ちょうどその組み合わせの大学だけが関係を持つ協定校の数です（1校は1本の棒にだけ数えます）。下の点がその組み合わせを示します。'
      : 'Each bar counts the partners that exactly that combination of universities has relations with (each partner in one bar only); the dots below say which combination.',
    upsetTitle: ja ? '協定校の重なり（大学の組み合わせ別）' : 'Partners by the combination of universities that have them',
    upsetSubtitle: (v: { n: string }) => (ja ? `協定校・交流先 ${v.n} 校。左の横棒は各大学の協定校数。` : `${v.n} partners. The bars on the left are each university’s number of partners.`),
    upsetDesc: (v: { n: number | string; bars: number | string }) => (ja ? `${v.n} 校の協定校を、関係を持つ大学の組み合わせ ${v.bars} 通りに分けた棒グラフ。` : `${v.n} partners split into ${v.bars} combinations of the universities that have relations with them.`),
    barLabel: (v: { n: number | string; homes: string[] }) => (ja ? `${v.homes.join('・')}: ${v.n} 校` : `${v.homes.join(' + ')}: ${v.n} partners`),
    asTable: ja ? '表で見る' : 'Show as a table',
    universities: ja ? '大学の組み合わせ' : 'Universities',
    partnersCol: ja ? '協定校数' : 'Partners',
    and: ja ? '・' : ' + ',
    onlyMark: ja ? 'のみ' : ' only',
    csvOverlap: ja ? '重なりのデータ（CSV）' : 'Overlap data (CSV)',
    coverage: ja ? '地域別の協定校' : 'Partners by region',
    coverageLede: ja ? '大学ごとに、地域別の協定校数と、その大学の協定校全体に占める割合（色の濃さ）を示します。' : 'Each university’s partners by region: the number, and its share of that university’s partners (the shade).',
    coverageCaption: ja ? '大学別・地域別の協定校数（括弧内は大学ごとの割合）' : 'Partners by university and region (share of each university’s partners)',
    regionCol: ja ? '地域' : 'Region',
    universityCol: ja ? '大学' : 'University',
    countryCol: ja ? '国・地域' : 'Country',
    total: ja ? '協定校数（計）' : 'All partners',
    share: (x: number) => `(${pct(locale, x)})`,
    legend: ja ? '色の濃さ（大学ごとの割合）' : 'Shade (share of the university’s partners)',
    shareStep: (from: number, to?: number) => (to === undefined ? (ja ? `${pct(locale, from)}以上` : `${pct(locale, from)} or more`) : from === 0 ? (ja ? `${pct(locale, to)}未満` : `under ${pct(locale, to)}`) : `${pct(locale, from)}–${pct(locale, to)}`),
    shareNote: ja ? '色が濃いほど、その大学の協定校に占める割合が大きい地域です。数字を選ぶとその協定校の一覧を開きます。' : 'The darker the cell, the larger the region’s share of that university’s partners. Each number opens the list of those partners.',
    byCountry: (v: { n: string }) => (ja ? `国・地域別に見る（${v.n} か国・地域）` : `By country (${v.n} countries and territories)`),
    byCountryCaption: ja ? '大学別・国別の協定校数' : 'Partners by university and country',
    csvCountries: ja ? '国別のデータ（CSV）' : 'Countries data (CSV)',
    sharedH: ja ? '複数の大学が共有する協定校' : 'Partners most of them share',
    byBothH: ja ? '2校がともに関係を持つ協定校' : 'Shared by both',
    byAllH: (v: { n: number | string }) => (ja ? `${v.n} 校すべてが関係を持つ協定校` : `Shared by all ${v.n}`),
    byMostH: (v: { n: number | string; of: number | string }) => (ja ? `${v.of} 校のうち ${v.n} 校が関係を持つ協定校` : `Shared by ${v.n} of the ${v.of}`),
    noneShared: ja ? '該当する協定校はありません。' : 'None.',
    pairsH: ja ? '2大学ずつ比べる' : 'Pairs compared',
    pairsLede: ja ? '2大学の組み合わせごとに、共有する協定校、片方だけの協定校（国・地域別）、協定の古さ、協定の種類を並べたページがあります。' : 'One page per pair: the partners they share, those only one has (by country and region), how old each portfolio is, and the kinds of relation.',
    pairName: (a: string, b: string) => (ja ? `${a}と${b}` : `${a} and ${b}`),
    sharedCount: (v: { n: string }) => (ja ? `共有 ${v.n} 校` : `${v.n} shared`),
  };
}

/**
 * A cell's shade by share (0–1) as a class, cov-0 … cov-4 (global.css: five steps of blue, dark text
 * on the light ones, white on the dark, each ≥ 4.5:1). Classes, not inline styles: the pages' CSP
 * allows no inline style.
 */
export const SHARE_STEPS = [0, 0.05, 0.15, 0.3, 0.5] as const;
export function shareClass(share: number): string {
  let step = 0;
  SHARE_STEPS.forEach((at, i) => { if (share >= at) step = i; });
  return `cov-${step}`;
}
