/**
 * Kana folding and a Hepburn-style romanised reading, for search and for slugs of names that no
 * source gives in English. A reading is labelled as a reading wherever it is shown: it is never
 * an official name. Kanji are left as they are (no dictionary is bundled).
 */

/** Hiragana → katakana (ぁ-ゖ → ァ-ヶ). */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

const DIGRAPHS: Record<string, string> = {
  キャ: 'kya', キュ: 'kyu', キョ: 'kyo', シャ: 'sha', シュ: 'shu', ショ: 'sho', シェ: 'she', チャ: 'cha', チュ: 'chu', チョ: 'cho', チェ: 'che',
  ニャ: 'nya', ニュ: 'nyu', ニョ: 'nyo', ヒャ: 'hya', ヒュ: 'hyu', ヒョ: 'hyo', ミャ: 'mya', ミュ: 'myu', ミョ: 'myo', リャ: 'rya', リュ: 'ryu', リョ: 'ryo',
  ギャ: 'gya', ギュ: 'gyu', ギョ: 'gyo', ジャ: 'ja', ジュ: 'ju', ジョ: 'jo', ジェ: 'je', ビャ: 'bya', ビュ: 'byu', ビョ: 'byo', ピャ: 'pya', ピュ: 'pyu', ピョ: 'pyo',
  ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo', フュ: 'fyu', ウィ: 'wi', ウェ: 'we', ウォ: 'wo', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ヴュ: 'vyu',
  ティ: 'ti', ディ: 'di', トゥ: 'tu', ドゥ: 'du', デュ: 'dyu', テュ: 'tyu', ツァ: 'tsa', ツィ: 'tsi', ツェ: 'tse', ツォ: 'tso', イェ: 'ye', クァ: 'kwa', クィ: 'kwi', クェ: 'kwe', クォ: 'kwo', グァ: 'gwa',
};
const MONO: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ン: 'n',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', ヴ: 'vu',
  ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa', ヵ: 'ka', ヶ: 'ke',
};

/**
 * Romanised reading of the kana in a string: "ボルドー大学" → "borudo大学" (kanji kept),
 * long vowel marks dropped ("ボルドー" → "borudo") so Latin input such as "borudo" matches.
 */
export function romanize(s: string): string {
  const k = toKatakana(s.normalize('NFKC'));
  let out = '';
  for (let i = 0; i < k.length; i++) {
    const c = k[i]!;
    const two = k.slice(i, i + 2);
    if (c === 'ッ') {
      const next = DIGRAPHS[k.slice(i + 1, i + 3)] ?? MONO[k[i + 1] ?? ''];
      if (next) out += next.startsWith('ch') ? 't' : next[0];
      continue;
    }
    if (c === 'ー') continue;
    if (c === '・' || c === '･') { out += ' '; continue; }
    if (DIGRAPHS[two]) { out += DIGRAPHS[two]; i++; continue; }
    if (MONO[c] !== undefined) {
      // ン before a vowel or y: n' avoids ambiguity in Hepburn; for search we keep plain n.
      out += MONO[c];
      continue;
    }
    out += c;
  }
  return out;
}

/** True when the string contains any kana. */
export function hasKana(s: string): boolean {
  return /[\u3041-\u3096\u30a1-\u30fa]/.test(s);
}
