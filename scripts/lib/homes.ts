/** The five home universities whose documents the dataset covers. */
export const HOME_IDS = ['tsukuba', 'hiroshima', 'osaka', 'utokyo', 'tmu'] as const;
export type HomeId = (typeof HOME_IDS)[number];

export const HOMES: { id: HomeId; name: { ja: string; en: string } }[] = [
  { id: 'tsukuba', name: { ja: '筑波大学', en: 'University of Tsukuba' } },
  { id: 'hiroshima', name: { ja: '広島大学', en: 'Hiroshima University' } },
  { id: 'osaka', name: { ja: '大阪大学', en: 'Osaka University' } },
  { id: 'utokyo', name: { ja: '東京大学', en: 'The University of Tokyo' } },
  { id: 'tmu', name: { ja: '東京都立大学', en: 'Tokyo Metropolitan University' } },
];
