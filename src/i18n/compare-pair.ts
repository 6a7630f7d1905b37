/** Words of a pair page (/compare/<a>-<b>/), Japanese and English. */
import type { Locale } from './ui.ts';
import type { PortfolioLevel } from '../lib/compare.ts';

export function pw(locale: Locale) {
  const ja = locale === 'ja';
  return {
    description: (A: string, B: string) => (ja ? `${A}と${B}の協定校を比べます: 共有する協定校、片方だけの協定校、協定の古さと種類。` : `${A} and ${B} compared: the partners they share, those only one has, and how old and of what kind their relations are.`),
    breadcrumbs: ja ? 'パンくずリスト' : 'Breadcrumbs',
    sharedLead: (n: string) => (ja ? `共有する協定校 ${n} 校。` : `${n} partners shared.`),
    sideLead: (v: { A: string; B: string; a: string; b: string; onlyA: string; onlyB: string }) => (ja
      ? `${v.A}の協定校は ${v.a} 校（うち ${v.onlyA} 校は${v.B}と共有していません）、${v.B}は ${v.b} 校（うち ${v.onlyB} 校は${v.A}と共有していません）です。`
      : `${v.A} has ${v.a} partners (${v.onlyA} not shared with ${v.B}); ${v.B} has ${v.b} (${v.onlyB} not shared with ${v.A}).`),
    glanceH: ja ? '概要' : 'At a glance',
    glanceCaption: (A: string, B: string) => (ja ? `${A}と${B}の協定校の概要` : `${A} and ${B} at a glance`),
    partners: ja ? '協定校数' : 'Partners',
    relations: ja ? '関係の数（協定・募集枠・学位プログラム・戦略的パートナーシップ）' : 'Relations (agreements, exchange places, degree programmes, strategic partnerships)',
    sharedRow: ja ? '共有する協定校' : 'Shared partners',
    onlyRow: ja ? 'その大学だけの協定校' : 'Partners only this one has',
    firstYear: ja ? '最も古い関係の開始年' : 'Earliest year a relation began',
    datedRow: ja ? '年の分かる協定校' : 'Partners with a year',
    fewDates: (X: string, dated: string, all: string) => (ja ? `${X}の資料には締結年がほとんど、またはまったく書かれていません（年の分かる協定校は ${all} 校中 ${dated} 校）。そのため、最も古い年・中央値は示しません。` : `${X}’s list gives few or no signing years (${dated} of ${all} partners have a year), so no earliest or median year is shown for it.`),
    medianYear: ja ? '各協定校との最初の関係の開始年（中央値）' : 'Median year of each partner’s first relation',
    sharedH: ja ? '共有する協定校' : 'Partners they share',
    noShared: (A: string, B: string) => (ja ? `${A}と${B}が共に関係を持つ協定校はありません。` : `${A} and ${B} have no partner in common.`),
    sharedCaption: (A: string, B: string, n: string) => (ja ? `${A}と${B}が共有する協定校 ${n} 校と、それぞれの関係（出典の行）` : `The ${n} partners ${A} and ${B} share, with each one’s relations (and source lines)`),
    partner: ja ? '協定校' : 'Partner',
    agreement: (level: string) => (ja ? (level.endsWith('協定') ? level : `${level}協定`) : `${level} agreement`),
    programme: (course: string) => (ja ? `交換留学の募集枠（コース ${course}）` : `Exchange place (course ${course})`),
    degree: ja ? '学位プログラム（ダブル・ジョイントディグリー等）' : 'Degree programme (double, joint…)',
    strategic: ja ? '戦略的パートナーシップ' : 'Strategic partnership',
    line: (source: string, line: number) => (ja ? `${source} ${line}行目` : `${source} line ${line}`),
    csvShared: ja ? '共有する協定校の一覧（CSV）' : 'The shared partners (CSV)',
    onlyH: ja ? '片方だけの協定校' : 'Partners only one of them has',
    onlyLede: (A: string, B: string) => (ja ? `${A}だけ、または${B}だけが関係を持つ協定校を、地域・国別に数えます。` : `Partners only ${A} or only ${B} has relations with, by region and country.`),
    onlyCaption: (A: string, B: string) => (ja ? `地域別: ${A}だけ・${B}だけ・両方の協定校数` : `By region: partners only ${A} has, only ${B} has, and both`),
    onlyOf: (X: string) => (ja ? `${X}のみ` : `Only ${X}`),
    bothCol: ja ? '両方' : 'Both',
    onlySummary: (A: string, a: string, B: string, b: string) => (ja ? `${A}のみ ${a} 校、${B}のみ ${b} 校` : `only ${A} ${a}, only ${B} ${b}`),
    countryCaption: (A: string, B: string) => (ja ? `国・地域別の協定校数（${A}・${B}・両方）` : `Partners by country (${A}, ${B}, both)`),
    ageH: ja ? '協定の古さ' : 'How old the portfolios are',
    ageLede: ja ? '各協定校との最初の関係（協定の締結、学位プログラムの開始、戦略的パートナーシップの覚書）が始まった時期ごとの協定校数です。年の分からない関係（交換留学の募集枠など）だけの協定校は「年の記載なし」に数えます。'
      : 'Partners by when their first relation began (an agreement signed, a degree programme started, a strategic partnership’s MoU). Partners whose relations give no year (exchange places, for one) are counted as “no year given”.',
    ageCaption: (A: string, B: string) => (ja ? `最初の関係の開始時期別の協定校数（${A}・${B}）` : `Partners by when the first relation began (${A}, ${B})`),
    period: ja ? '時期' : 'Period',
    before: (y: number) => (ja ? `${y}年より前` : `Before ${y}`),
    since: (y: number) => (ja ? `${y}年以降` : `${y} and after`),
    undated: ja ? '年の記載なし' : 'No year given',
    levelsH: ja ? '関係の種類' : 'Kinds of relation',
    levelsCaption: (A: string, B: string) => (ja ? `関係の種類別: 関係の数（協定校数）（${A}・${B}）` : `By kind: relations (partners) for ${A} and ${B}`),
    kind: ja ? '種類' : 'Kind',
    levelName: (l: PortfolioLevel, label: string) => {
      if (l === 'programme') return ja ? '交換留学の募集枠' : 'Exchange places';
      if (l === 'degree') return ja ? '学位プログラム' : 'Degree programmes';
      if (l === 'strategic') return ja ? '戦略的（協定・パートナーシップ）' : 'Strategic (agreements, partnerships)';
      return ja ? (label.endsWith('協定') ? label : `${label}協定`) : `${label} agreements`;
    },
    relPartners: (r: string, p: string) => (ja ? `${r}（${p} 校）` : `${r} (${p} partners)`),
  };
}
