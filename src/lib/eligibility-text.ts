/**
 * The eligibility engine's verdicts in words, Japanese and English: status labels and one sentence
 * per reason ("IELTS 6.5 needed, you have 6.0"). Used by the finder page at build time (labels)
 * and by its script in the browser (explanations), so it imports nothing heavy.
 */
import type { CheckKind, Reason, Status, Measure, Missing } from './eligibility.ts';

export type Locale = 'ja' | 'en';

export const STATUS_LABEL: Record<Locale, Record<Status, string>> = {
  ja: { eligible: '応募資格あり', short: '基準に不足', ineligible: '対象外', unknown: '判断できない' },
  en: { eligible: 'Eligible', short: 'Short', ineligible: 'Not eligible', unknown: 'Cannot tell' },
};

export const CHECK_LABEL: Record<Locale, Record<CheckKind, string>> = {
  ja: { level: '対象', gpa: '成績要件（派遣先）', english: '英語要件（派遣先）', other: '英語以外の言語（派遣先）', 'home-gpa': '学内基準（GPA）', 'home-english': '学内応募語学基準（英語）' },
  en: { level: 'Level', gpa: 'GPA (partner)', english: 'English (partner)', other: 'Other language (partner)', 'home-gpa': 'TMU minimum GPA', 'home-english': 'TMU minimum English' },
};

const MEASURE: Record<Locale, Record<Measure, string>> = {
  ja: { gpa: 'GPA', ielts: 'IELTS', toefl: 'TOEFL iBT', hsk: 'HSK' },
  en: { gpa: 'GPA', ielts: 'IELTS', toefl: 'TOEFL iBT', hsk: 'HSK' },
};

export const LANGUAGE_NAME: Record<Locale, Record<string, string>> = {
  ja: { en: '英語', de: 'ドイツ語', fr: 'フランス語', es: 'スペイン語', zh: '中国語', ko: '韓国語', it: 'イタリア語', ru: 'ロシア語', pt: 'ポルトガル語', th: 'タイ語' },
  en: { en: 'English', de: 'German', fr: 'French', es: 'Spanish', zh: 'Chinese', ko: 'Korean', it: 'Italian', ru: 'Russian', pt: 'Portuguese', th: 'Thai' },
};

const LEVEL: Record<Locale, Record<'undergraduate' | 'graduate', string>> = {
  ja: { undergraduate: '学部生', graduate: '大学院生' },
  en: { undergraduate: 'undergraduates', graduate: 'graduate students' },
};

/** A score as written on its scale: IELTS and GPA with one or two decimals, TOEFL and HSK whole. */
export function score(m: Measure | 'ieltsSection' | 'toeflSection', x: number): string {
  if (m === 'ielts' || m === 'ieltsSection') return x.toFixed(1);
  if (m === 'gpa') return Number.isInteger(x * 10) ? x.toFixed(1) : x.toFixed(2);
  return String(x);
}

function missingName(locale: Locale, what: Missing): string {
  if (what.startsWith('cefr:')) {
    const lang = LANGUAGE_NAME[locale][what.slice(5)] ?? what.slice(5);
    return locale === 'ja' ? `${lang}のCEFRレベル` : `your ${lang} level (CEFR)`;
  }
  const ja: Record<string, string> = { gpa: 'GPA', ielts: 'IELTSのスコア', toefl: 'TOEFL iBTのスコア', ieltsSection: 'IELTSの最低セクションスコア', toeflSection: 'TOEFL iBTの最低セクションスコア', hsk: 'HSKの級' };
  const en: Record<string, string> = { gpa: 'your GPA', ielts: 'an IELTS score', toefl: 'a TOEFL iBT score', ieltsSection: 'your lowest IELTS section score', toeflSection: 'your lowest TOEFL iBT section score', hsk: 'your HSK level' };
  return (locale === 'ja' ? ja : en)[what] ?? what;
}

/** One sentence for a reason. */
export function reasonText(locale: Locale, r: Reason): string {
  const ja = locale === 'ja';
  const M = MEASURE[locale];
  switch (r.code) {
    case 'level-not-taken': return ja ? `${LEVEL.ja[r.level]}は対象外です` : `Not open to ${LEVEL.en[r.level]}`;
    case 'level-unsettled': return ja ? `募集要項のこの行には${LEVEL.ja[r.level]}の○/×の印がない（または食い違っている）ため、対象かどうか判断できません` : `The call’s row does not settle whether ${LEVEL.en[r.level]} may apply (no ○/× mark, or contradictory marks)`;
    case 'level-not-stated': return ja ? `${LEVEL.ja[r.level]}についての記載がないため判断できません（もう一方の学年区分の値だけが書かれています）` : `Nothing is stated for ${LEVEL.en[r.level]} (the cell gives only the other level’s value)`;
    case 'prose-home': return ja ? '文章での要件のため、募集要項の定め（④）により学内応募語学基準で判断します' : 'Written as prose: the call (④) judges it by TMU’s own minimum';
    case 'partner-gpa-first': return ja ? '派遣先のGPA要件が学内基準より優先されます' : 'The partner’s GPA requirement takes priority over TMU’s';
    case 'level-depends': {
      const parts = (Object.entries(r.byLevel) as ['undergraduate' | 'graduate', Status][]).map(([l, s]) => `${LEVEL[locale][l]}: ${STATUS_LABEL[locale][s]}`);
      return ja ? `学部生か大学院生かで結果が変わります（${parts.join('、')}）` : `Depends on your level (${parts.join('; ')})`;
    }
    case 'no-requirement': return ja ? '要件なし' : 'No requirement';
    case 'met': case 'below': {
      const need = score(r.test, r.need);
      const have = score(r.test, r.have);
      const conv = r.converted ? (ja ? `（${r.converted.from}点満点の ${r.converted.gpa} を${r.converted.to}点満点に換算）` : ` (${r.converted.gpa} on ${r.converted.from} converted to a ${r.converted.to} scale)`) : '';
      if (r.code === 'met') return ja ? `${M[r.test]} ${need} 以上が必要、あなたは ${have}${conv}` : `${M[r.test]} ${need} needed, you have ${have}${conv}`;
      return ja ? `${M[r.test]} ${need} 以上が必要、あなたは ${have}（あと ${score(r.test, r.need - r.have)}）${conv}` : `${M[r.test]} ${need} needed, you have ${have} (${score(r.test, r.need - r.have)} short)${conv}`;
    }
    case 'missing': {
      const need = r.need === undefined ? '' : ja ? `（必要: ${r.need}）` : ` (needed: ${r.need})`;
      return ja ? `${missingName(locale, r.what)}が入力されていないため判断できません${need}` : `Cannot tell without ${missingName(locale, r.what)}${need}`;
    }
    case 'range-below': return ja ? `GPA ${r.from}〜${r.to}（プログラムにより異なる）に届きません（あなたは ${score('gpa', r.have)}）` : `GPA ${r.from}–${r.to} depending on the programme; you have ${score('gpa', r.have)}, below the range`;
    case 'range-above': return ja ? `GPA ${r.from}〜${r.to}（プログラムにより異なる）、あなたは ${score('gpa', r.have)}` : `GPA ${r.from}–${r.to} depending on the programme; you have ${score('gpa', r.have)}`;
    case 'range-inside': return ja ? `GPA ${r.from}〜${r.to}（プログラムにより異なる）の範囲内のため、プログラムによります（あなたは ${score('gpa', r.have)}）` : `GPA ${r.from}–${r.to} depending on the programme; you have ${score('gpa', r.have)}, inside the range: it depends on the programme`;
    case 'recommended': {
      const value = r.value === undefined ? '' : ` ${typeof r.value === 'number' ? score(r.test, r.value) : r.value}`;
      const below = r.below ? (ja ? '（あなたはこれを下回っています）' : ' (you are below it)') : '';
      return ja ? `推奨${value}（必須ではありません）${below}` : `Recommended${value}, not required${below}`;
    }
    case 'cefr-met': return ja ? `CEFR ${r.cefr}（${M[r.test]} ${score(r.test, r.threshold)} 相当）以上、あなたは ${score(r.test, r.have)}` : `CEFR ${r.cefr} (${M[r.test]} ${score(r.test, r.threshold)}) needed, you have ${score(r.test, r.have)}`;
    case 'cefr-below': return ja ? `CEFR ${r.cefr}（${M[r.test]} ${score(r.test, r.threshold)} 相当）以上が必要、あなたは ${score(r.test, r.have)}` : `CEFR ${r.cefr} (${M[r.test]} ${score(r.test, r.threshold)}) needed, you have ${score(r.test, r.have)}`;
    case 'cefr-lang-met': case 'cefr-lang-below': {
      const lang = LANGUAGE_NAME[locale][r.language] ?? r.language;
      return ja ? `${lang} ${r.need} 以上が必要、あなたは ${r.have}` : `${lang} ${r.need} needed, you have ${r.have}`;
    }
    case 'section-met': return ja ? `各セクション ${score(r.test, r.need)} 以上、あなたの最低セクションは ${score(r.test, r.have)}` : `Every section ${score(r.test, r.need)} or more; your lowest is ${score(r.test, r.have)}`;
    case 'section-below': return ja ? `セクションの最低 ${score(r.test, r.need)} に届きません（あなたの最低セクションは ${score(r.test, r.have)}）` : `A section below ${score(r.test, r.need)}: your lowest is ${score(r.test, r.have)}`;
    case 'section-unclear': return ja ? `セクションごとに ${score(r.test, r.low)}〜${score(r.test, r.high)} が必要で、最低セクションが ${score(r.test, r.have)} ではどのセクションか分からないため判断できません` : `Sections need ${score(r.test, r.low)}–${score(r.test, r.high)} each; with a lowest of ${score(r.test, r.have)} it depends on which section that is`;
    case 'prose': return ja ? '条件が文章で書かれているため判断できません（原文を確認してください）' : 'Written as prose or depends on the faculty or module: read the original wording';
    case 'not-alternative': return ja ? `${M[r.test]} はこのプログラムでは記載がありません` : `${M[r.test]} is not listed for this programme`;
    case 'scale-assumed': return ja ? `尺度の記載がないため ${r.scale}点満点とみなしています` : `No scale stated; taken as a ${r.scale}-point scale`;
  }
}
