/**
 * The columns of the four exchange-statistics tables of the fact book's chapter 5 (1)–(2).
 *
 * Flow categories used (leaves only; subtotal and total columns are checks):
 *   staff, inbound (外国人研究者等の受入数):
 *     employed-researcher  雇用者 / 外国人研究員  foreign researchers employed by the university
 *     employed-faculty     雇用者 / 外国人教員    foreign faculty employed by the university
 *     employed-other       雇用者 / その他        other employed foreign staff
 *     own-funds            雇用者以外 / 自機関資金 received, not employed, on the university's own funds
 *     external-funds       雇用者以外 / 外部資金   received, not employed, on external funds
 *     other-funds          雇用者以外 / その他     received, not employed, otherwise funded
 *   staff, outbound (教職員等の海外派遣数): own-funds 自機関資金, external-funds 外部資金, other-funds その他
 *   student, inbound (外国人留学生): regular 正規生, non-regular 非正規生
 *   student, outbound (学生の海外派遣数): total — the table gives nothing finer
 *   by country, both populations and directions: total — the tables give nothing finer
 */
import type { TableLayout } from './stats-table.ts';

/** (1)ア 組織別: 13 counts per organisational unit. */
export const STAFF_BY_UNIT: TableLayout = {
  name: '教職員等の交流 組織別',
  population: 'staff',
  columns: [
    { kind: 'leaf', key: 'employed-researcher', label: '外国人研究員 (雇用者)', direction: 'inbound', category: 'employed-researcher' },
    { kind: 'leaf', key: 'employed-faculty', label: '外国人教員 (雇用者)', direction: 'inbound', category: 'employed-faculty' },
    { kind: 'leaf', key: 'employed-other', label: 'その他 (雇用者)', direction: 'inbound', category: 'employed-other' },
    { kind: 'sum', key: 'employed-subtotal', label: '小計 (雇用者)', of: ['employed-researcher', 'employed-faculty', 'employed-other'] },
    { kind: 'leaf', key: 'inbound-own-funds', label: '自機関資金 (雇用者以外)', direction: 'inbound', category: 'own-funds' },
    { kind: 'leaf', key: 'inbound-external-funds', label: '外部資金 (雇用者以外)', direction: 'inbound', category: 'external-funds' },
    { kind: 'leaf', key: 'inbound-other-funds', label: 'その他 (雇用者以外)', direction: 'inbound', category: 'other-funds' },
    { kind: 'sum', key: 'not-employed-subtotal', label: '小計 (雇用者以外)', of: ['inbound-own-funds', 'inbound-external-funds', 'inbound-other-funds'] },
    {
      kind: 'sum', key: 'inbound-total', label: '合計 (受入)',
      of: ['employed-researcher', 'employed-faculty', 'employed-other', 'inbound-own-funds', 'inbound-external-funds', 'inbound-other-funds'],
    },
    { kind: 'leaf', key: 'outbound-own-funds', label: '自機関資金 (派遣)', direction: 'outbound', category: 'own-funds' },
    { kind: 'leaf', key: 'outbound-external-funds', label: '外部資金 (派遣)', direction: 'outbound', category: 'external-funds' },
    { kind: 'leaf', key: 'outbound-other-funds', label: 'その他 (派遣)', direction: 'outbound', category: 'other-funds' },
    { kind: 'sum', key: 'outbound-total', label: '合計 (派遣)', of: ['outbound-own-funds', 'outbound-external-funds', 'outbound-other-funds'] },
  ],
  headerLabels: [
    '交流組織', '外国人研究者等の受入数', '合計', '教職員等の海外派遣数', '雇用者', '雇用者以外',
    '自機関資金', '外部資金', 'その他', '外国人研究員', '外国人教員', '小計',
  ],
};

/** (1)イ 国・地域別. */
export const STAFF_BY_COUNTRY: TableLayout = {
  name: '教職員等の交流 国・地域別',
  population: 'staff',
  columns: [
    { kind: 'leaf', key: 'inbound', label: '研究者等の受入', direction: 'inbound', category: 'total' },
    { kind: 'leaf', key: 'outbound', label: '教職員の派遣', direction: 'outbound', category: 'total' },
    { kind: 'sum', key: 'total', label: '計', of: ['inbound', 'outbound'] },
  ],
  headerLabels: ['国・地域名', '研究者等の受入', '教職員の派遣', '計'],
};

/** (2)ア 組織別: international students (regular, non-regular, subtotal), students sent abroad, total. */
export const STUDENTS_BY_UNIT: TableLayout = {
  name: '学生の交流 組織別',
  population: 'student',
  columns: [
    { kind: 'leaf', key: 'regular', label: '正規生', direction: 'inbound', category: 'regular' },
    { kind: 'leaf', key: 'non-regular', label: '非正規生', direction: 'inbound', category: 'non-regular' },
    { kind: 'sum', key: 'inbound-subtotal', label: '小計 (外国人留学生)', of: ['regular', 'non-regular'] },
    { kind: 'leaf', key: 'outbound', label: '学生の海外派遣数', direction: 'outbound', category: 'total' },
    { kind: 'sum', key: 'total', label: '合計', of: ['regular', 'non-regular', 'outbound'] },
  ],
  headerLabels: ['区分', '外国人留学生の受入れ数', '学生の海外派遣数', '合計', '正規生', '非正規生', '小計'],
};

/** (2)イ 国・地域別. */
export const STUDENTS_BY_COUNTRY: TableLayout = {
  name: '学生の交流 国・地域別',
  population: 'student',
  columns: [
    { kind: 'leaf', key: 'inbound', label: '外国人留学生', direction: 'inbound', category: 'total' },
    { kind: 'leaf', key: 'outbound', label: '学生の派遣', direction: 'outbound', category: 'total' },
    { kind: 'sum', key: 'total', label: '計', of: ['inbound', 'outbound'] },
  ],
  headerLabels: ['国・地域名', '外国人留学生', '学生の派遣', '計'],
};
