/**
 * English for the labels the sources print only in Japanese, from data/reference/labels-en.json
 * (each entry with its reason): the sources' region labels and conference formats. A label with no
 * entry has no English here: the caller reports it as an error naming the record's line.
 */
import { readReference } from './reference.ts';

interface Entry { ja: string; en: string; reason: string }
interface LabelsEn { regions: Entry[]; conferenceFormats: Entry[] }

export const LABELS_EN_FILE = 'data/reference/labels-en.json';

let labels: { regions: Map<string, string>; conferenceFormats: Map<string, string> } | undefined;
function load() {
  if (labels) return labels;
  const raw = readReference<LabelsEn>('labels-en.json');
  const index = (kind: keyof LabelsEn) => {
    const m = new Map<string, string>();
    for (const e of raw[kind]) {
      if (!e.ja || !e.en || !e.reason) throw new Error(`${LABELS_EN_FILE}: ${kind}: an entry needs ja, en and a reason: ${JSON.stringify(e)}`);
      if (m.has(e.ja)) throw new Error(`${LABELS_EN_FILE}: ${kind}: ${e.ja} is listed twice`);
      m.set(e.ja, e.en);
    }
    return m;
  };
  return (labels = { regions: index('regions'), conferenceFormats: index('conferenceFormats') });
}

/** A source's region label (アジア, 中東・アフリカ, CIS) in English, or undefined when it has no entry. */
export function regionLabelEn(label: string): string | undefined {
  return load().regions.get(label);
}

/** A conference format as printed (オンサイト) in English (on-site), or undefined when it has no entry. */
export function conferenceFormatEn(format: string): string | undefined {
  return load().conferenceFormats.get(format);
}
