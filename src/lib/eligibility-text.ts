/**
 * The eligibility engine's verdicts in words, Japanese and English: status labels and one sentence
 * per reason ("IELTS 6.5 needed, you have 6.0"). Used by the finder page at build time (labels)
 * and by its script in the browser (explanations), so it imports nothing heavy.
 */
import type { CheckKind, Condition, Reason, SectionMins, Status, Measure, Missing } from './eligibility.ts';

export type Locale = 'ja' | 'en';

export const STATUS_LABEL: Record<Locale, Record<Status, string>> = {
  ja: { eligible: '応募資格あり', conditional: '条件つきで応募資格あり', short: '基準に不足', ineligible: '対象外', unknown: '判断できない' },
  en: { eligible: 'Eligible', conditional: 'Eligible if…', short: 'Short', ineligible: 'Not eligible', unknown: 'Cannot tell' },
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

const SECTION_NAME: Record<Locale, Record<'listening' | 'reading' | 'writing' | 'speaking', string>> = {
  ja: { listening: 'リスニング', reading: 'リーディング', writing: 'ライティング', speaking: 'スピーキング' },
  en: { listening: 'listening', reading: 'reading', writing: 'writing', speaking: 'speaking' },
};

/** Section minimums in words: "every section 4.5" or "listening 5.5, reading 5.5, writing 6.0, speaking 5.5". */
export function sectionsText(locale: Locale, test: 'ielts' | 'toefl', s: SectionMins): string {
  const m = test === 'ielts' ? 'ieltsSection' : 'toeflSection';
  const named = (['listening', 'reading', 'writing', 'speaking'] as const).filter((k) => s[k] !== undefined);
  if (named.length === 0 || (s.all !== undefined && named.every((k) => s[k] === s.all))) {
    return locale === 'ja' ? `各セクション ${score(m, s.all ?? 0)} 以上` : `every section ${score(m, s.all ?? 0)} or more`;
  }
  const parts = named.map((k) => `${SECTION_NAME[locale][k]} ${score(m, Math.max(s[k]!, s.all ?? 0))}`);
  const rest = s.all !== undefined && named.length < 4 ? (locale === 'ja' ? `、その他のセクション ${score(m, s.all)}` : `, others ${score(m, s.all)}`) : '';
  return locale === 'ja' ? `${parts.join('・')}${rest} 以上` : `${parts.join(', ')}${rest} or more`;
}

/** The condition of a `conditional` verdict as one sentence: "Eligible if every IELTS section is 4.5 or more". */
export function conditionText(locale: Locale, c: Condition): string {
  const M = MEASURE[locale][c.test];
  const m = c.test === 'ielts' ? 'ieltsSection' : 'toeflSection';
  const named = (['listening', 'reading', 'writing', 'speaking'] as const).filter((k) => c.sections[k] !== undefined);
  const uniform = named.length === 0 || named.every((k) => c.sections[k] === c.sections[named[0]!]) && named.length === 4 || (c.sections.all !== undefined && named.every((k) => c.sections[k] === c.sections.all));
  const each = c.sections.all ?? c.sections[named[0]!] ?? 0;
  if (locale === 'ja') return `${M} の${sectionsText(locale, c.test, c.sections)}なら応募資格があります`;
  if (named.length === 1 && c.sections.all === undefined) return `Eligible if your ${M} ${SECTION_NAME.en[named[0]!]} score is ${score(m, c.sections[named[0]!]!)} or more`;
  return uniform ? `Eligible if every ${M} section is ${score(m, each)} or more` : `Eligible if your ${M} sections reach ${sectionsText(locale, c.test, c.sections).replace(/ or more$/, '')}`;
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
    case 'section-unclear': return ja ? `セクションごとに ${score(r.test, r.low)}〜${score(r.test, r.high)} が必要です。最低セクション ${score(r.test, r.have)} で、${score(r.test, r.have)} 以下を求めるセクションは満たしています` : `Sections need ${score(r.test, r.low)}–${score(r.test, r.high)} each; your lowest, ${score(r.test, r.have)}, settles those that ask ${score(r.test, r.have)} or less`;
    case 'prose': return ja ? '条件が文章で書かれているため判断できません（原文を確認してください）' : 'Written as prose or depends on the faculty or module: read the original wording';
    case 'not-alternative': return ja ? `${M[r.test]} はこのプログラムでは記載がありません` : `${M[r.test]} is not listed for this programme`;
    case 'scale-assumed': return ja ? `尺度の記載がないため ${r.scale}点満点とみなしています` : `No scale stated; taken as a ${r.scale}-point scale`;
    case 'section-condition': return ja ? `最低セクションスコアが未入力です: ${M[r.test]} の${sectionsText(locale, r.test, r.sections)}が条件です` : `No lowest section score entered: ${M[r.test]} needs ${sectionsText(locale, r.test, r.sections)}`;
    case 'level-mark-lost': return ja ? `PDFの抽出で${LEVEL.ja[r.level]}の○/×の印が読めませんが、この行は${LEVEL.ja[r.level]}の要件を記載しているため、対象として判定しています` : `The ○/× mark for ${LEVEL.en[r.level]} is unreadable in the PDF; the row states their requirements, so it is read as open to them`;
    case 'cases-met': return ja ? `学部・科目などで異なる ${r.cases} 通りの要件のいずれも満たしています` : `Met in every one of the ${r.cases} cases the requirement gives (by faculty, subject or module)`;
    case 'cases-short': return ja ? `学部・科目などで異なる要件（${r.needs.map((n) => score(r.test, n)).join('・')}）のいずれにも届きません（あなたは ${score(r.test, r.have)}）` : `Below every case the requirement gives (${r.needs.map((n) => score(r.test, n)).join(', ')}); you have ${score(r.test, r.have)}`;
    case 'cases-unread': return ja ? `学部・科目などで異なる ${r.cases} 通りの要件のうち、数値として読めない条件があるため判断できません（原文を確認してください）` : `Of the ${r.cases} cases (by faculty, subject or module), a condition could not be read as numbers: read the original wording`;
    case 'cases-differ': return ja ? `学部・科目などで異なる ${r.cases} 通りの要件で結果が分かれるため判断できません（原文を確認してください）` : `The ${r.cases} cases (by faculty, subject or module) give different answers: read the original wording`;
    case 'noted': return ja ? `要件欄は「なし」ですが、備考に記載があります:「${r.text}」` : `The cell states none, but the notes say: “${r.text}”`;
    case 'several-conditions': return ja ? '未確定の条件が複数あるため判断できません' : 'More than one thing is left open';
  }
}
