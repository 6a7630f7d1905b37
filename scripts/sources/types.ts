/**
 * What a parser receives and returns. A parser knows one document layout and only parses: it
 * reads lines through the SourceContext, marks what each line became, and returns drafts.
 * Partners are returned as mentions (the name as written, with country); the pipeline merges
 * mentions across all sources into partner records and fills in partner ids.
 */
import type { SourceContext } from '../lib/context.ts';
import type {
  Agreement, Programme, DegreeProgramme, StrategicPartnership, Flow, Conference, Visit, CallFact, SourceRef, EnglishField,
} from '../schema/records.ts';

/** An institution as one source line names it. */
export interface PartnerMention {
  /** Japanese name as written (cleaned: NFKC, CJK spacing removed), without the partner unit. */
  ja?: string;
  /** English name as written, where the source gives one. */
  en?: string;
  /** ISO country code. */
  country: string;
  /** university, institute, government, company, hospital, consortium, other. */
  kind?: string;
  source: SourceRef;
}

/**
 * An agreement as a parser returns it: its partner as a mention. `partners` is set only by the merge
 * stage, when data/reference/partner-splits.json splits a cell that fuses several institutions
 * (then `partner` is its first member); otherwise the agreement's partners are [partner].
 * Drafts carry no English columns (ENGLISH_FIELDS): the assemble stage fills those from the other tables.
 */
export type AgreementDraft = Omit<Agreement, 'partner' | 'partners' | EnglishField<'agreements'>> & { partner: PartnerMention; partners?: PartnerMention[] };
export type ProgrammeDraft = Omit<Programme, 'partner' | EnglishField<'programmes'>> & { partner: PartnerMention };
export type DegreeProgrammeDraft = Omit<DegreeProgramme, 'partners' | EnglishField<'degree-programmes'>> & { partners: PartnerMention[] };
export type StrategicPartnershipDraft = Omit<StrategicPartnership, 'members' | EnglishField<'strategic-partnerships'>> & { members: PartnerMention[] };
export type FlowDraft = Omit<Flow, EnglishField<'flows'>>;
export type ConferenceDraft = Omit<Conference, EnglishField<'conferences'>>;
export type VisitDraft = Omit<Visit, EnglishField<'visits'>>;

export interface ParseResult {
  agreements?: AgreementDraft[];
  programmes?: ProgrammeDraft[];
  degreeProgrammes?: DegreeProgrammeDraft[];
  strategicPartnerships?: StrategicPartnershipDraft[];
  flows?: FlowDraft[];
  conferences?: ConferenceDraft[];
  visits?: VisitDraft[];
  callFacts?: CallFact[];
  /** Region label the source gives each country it lists (code → labels), for countries.json. */
  sourceRegions?: { country: string; label: string }[];
}

export type Parser = (ctx: SourceContext) => ParseResult;
