/**
 * The dataset's record types: one Zod schema per table, a doc comment per field. TypeScript types
 * are derived from these; the published JSON Schema and Table Schema are generated from them.
 * Field names are the contract of ../shared/DATA-MODEL.md: add fields freely, rename none.
 */
import { z } from 'zod';
import { HOME_IDS } from '../lib/homes.ts';

const isoDate = z.iso.date();
const countryCode = z.string().regex(/^[A-Z]{2}$/).describe('ISO 3166-1 alpha-2 code');
const home = z.enum(HOME_IDS).describe('Home university id');
const bilingual = z.object({ ja: z.string().describe('Japanese name'), en: z.string().optional().describe('English name, where a source gives one') });

/** Where a record came from: the manifest id of its document and the 1-based line(s). */
export const SourceRef = z.object({
  id: z.string().describe('Manifest id of the source document'),
  line: z.number().int().positive().describe('1-based line of the raw text the record starts on'),
  lines: z.array(z.number().int().positive()).optional().describe('Every line the record spans, when more than one'),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Source = z.object({
  id: z.string().describe('Stable id of the document'),
  home,
  kind: z.string().describe('Layout of the document; picks its parser'),
  title: z.string(),
  publisher: z.string(),
  asOf: isoDate.describe('Date the content is as of'),
  fiscalYear: z.number().int().optional().describe('Fiscal year the statistics cover (April–March, named by the starting year)'),
  file: z.string().describe('File name under data/raw/'),
  sha256: z.string().describe('SHA-256 of the raw file'),
  lineCount: z.number().int().describe('Number of lines of the raw text'),
  licence: z.string().optional(),
  url: z.string().optional(),
});

export const Home = z.object({ id: home, name: z.object({ ja: z.string(), en: z.string() }) });

export const Country = z.object({
  code: countryCode,
  name: z.object({ ja: z.string(), en: z.string() }),
  region: z.string().describe('Project region id (data/reference/README.md)'),
  sourceRegions: z.array(z.string()).describe('Region labels the sources themselves give this country'),
});

export const Unit = z.object({
  id: z.string().describe('Unit id, unique across homes (prefixed with the home id)'),
  home,
  name: bilingual,
  parent: z.string().optional().describe('Id of the enclosing unit'),
  kind: z.string().describe('faculty, graduate-school, institute, center, hospital, headquarters, group, …'),
});

export const Partner = z.object({
  id: z.string().describe('Stable slug'),
  name: bilingual,
  reading: z.string().optional().describe('Romanised reading of the Japanese name (not an official name)'),
  aliases: z.array(z.string()).describe('Every spelling of the name seen in the sources'),
  country: countryCode,
  kind: z.string().describe('university, institute, government, company, hospital, consortium, other'),
});

export const Agreement = z.object({
  id: z.string().describe('<source id>-L<line>'),
  home,
  partner: z.string().describe('Partner id'),
  partnerName: z.string().describe('Partner name as written on this line'),
  partnerUnit: z.string().optional().describe('Faculty, school or institute of the partner the agreement is with'),
  countries: z.array(countryCode).describe('Countries the agreement line names (more than one for consortia)'),
  regionLabel: z.string().optional().describe("The source's own region label"),
  level: z.enum(['university', 'department', 'cic', 'strategic']).describe('全学 university-wide, 部局間 department-level, CiC campus-in-campus, strategic partnership'),
  homeUnits: z.array(z.string()).describe('Unit ids of the home university party to the agreement'),
  homeUnitsRaw: z.string().optional().describe('The home-unit cell as written'),
  signedOn: isoDate.optional().describe('Date signed / in effect'),
  dates: z.array(isoDate).optional().describe('Every date of a compound date cell'),
  dateRaw: z.string().optional().describe('The date cell as written'),
  tuitionWaiver: z.object({ max: z.number().int().nullable().describe('Maximum students; 0 for none (×); null when the text gives no single number'), raw: z.string() }).optional(),
  targets: z.object({ researchers: z.boolean(), students: z.boolean() }).optional().describe('Exchange of researchers and/or students'),
  fields: z.string().optional().describe('Fields of exchange, as written'),
  source: SourceRef,
});

const requirement = z.object({
  min: z.number().optional().describe('Minimum score, where the text gives one number'),
  scale: z.number().optional().describe('Scale of a GPA (4, 4.3, 5, 100…)'),
  raw: z.string().describe('The requirement as written'),
});

export const Programme = z.object({
  id: z.string().describe('Course number'),
  home,
  partner: z.string().describe('Partner id'),
  partnerName: bilingual,
  country: countryCode,
  places: z.object({
    semesterSpots: z.number().optional().describe('Semester spots: 4 = four students for a half year or two for a year'),
    sharedWith: z.array(z.string()).describe('Course numbers sharing the same pool of places'),
    raw: z.string(),
  }),
  courseType: z.string(),
  levels: z.object({ undergraduate: z.boolean(), graduate: z.boolean() }),
  language: z.string().describe('Language(s) of instruction, as written'),
  requirements: z.object({ gpa: requirement, ielts: requirement, toefl: requirement, other: requirement }),
  reRecruitment: z.boolean().describe('Open again in a re-recruitment round'),
  links: z.array(z.string()),
  notes: z.string(),
  source: SourceRef,
});

export const DegreeProgramme = z.object({
  id: z.string(),
  kind: z.enum(['double', 'joint']),
  home,
  programme: z.string().describe('Home programme / course as written'),
  homeUnits: z.array(z.string()),
  partners: z.array(z.string()).describe('Partner ids'),
  form: z.string().describe('Degree form, e.g. 博士－博士'),
  startFiscalYear: z.number().int().optional().describe('Fiscal year the programme (in its current form) started'),
  startFiscalYears: z.array(z.number().int()).optional().describe('Every era year the cell gives, converted (e.g. R2 (H29) → [2020, 2017])'),
  startRaw: z.string(),
  source: SourceRef,
});

export const StrategicPartnership = z.object({
  id: z.string(),
  home,
  tier: z.enum(['primary', 'prospective']),
  name: z.string(),
  members: z.array(z.string()).describe('Partner ids'),
  homeUnits: z.array(z.string()),
  homeUnitCodes: z.array(z.string()).describe("Abbreviations as printed, decoded through the brochure's legend"),
  mouYear: z.number().int().optional(),
  facts: z.array(z.object({ what: z.string(), value: z.union([z.number(), z.string()]), line: z.number().int() })).optional(),
  notes: z.string(),
  source: SourceRef,
});

export const Flow = z.object({
  home,
  fiscalYear: z.number().int(),
  population: z.enum(['student', 'staff']),
  direction: z.enum(['inbound', 'outbound']),
  country: countryCode.optional(),
  countryLabel: z.string().optional().describe('Country/region label as written'),
  unit: z.string().optional().describe('Unit id'),
  category: z.string().describe('regular, non-regular, employed-researcher, employed-faculty, employed-other, own-funds, external-funds, other-funds, total'),
  count: z.number().int().nonnegative(),
  asOf: isoDate.optional(),
  source: SourceRef,
});

export const Conference = z.object({
  id: z.string(),
  home,
  fiscalYear: z.number().int().optional(),
  name: z.string(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  dateRaw: z.string(),
  format: z.string().optional().describe('オンサイト / オンライン / ハイブリッド as written'),
  venue: z.string().optional(),
  hosts: z.string().optional(),
  theme: z.string().optional(),
  countries: z.number().int().optional().describe('Number of participating countries'),
  participants: z.number().int().optional(),
  foreignParticipants: z.number().int().optional(),
  participantsRaw: z.string().optional(),
  source: SourceRef,
});

export const Visit = z.object({
  id: z.string(),
  home,
  fiscalYear: z.number().int().optional(),
  month: z.string().describe('YYYY-MM'),
  visitor: z.string(),
  country: countryCode.optional(),
  count: z.number().int(),
  persons: z.number().int(),
  source: SourceRef,
});

/** A structured fact of a call for applications (dates, minimums, money). */
export const CallFact = z.object({
  id: z.string(),
  home,
  topic: z.string().describe('schedule, eligibility, stipend, travel, scholarship, test-fee, …'),
  what: z.string(),
  value: z.union([z.number(), z.string(), z.boolean()]).optional(),
  unit: z.string().optional(),
  date: isoDate.optional(),
  raw: z.string(),
  source: SourceRef,
});

export const Check = z.object({
  id: z.string(),
  source: z.string(),
  line: z.number().int(),
  what: z.string(),
  stated: z.number(),
  computed: z.number(),
  status: z.enum(['ok', 'erratum', 'error']),
  erratum: z.string().optional().describe('Reason, when the document itself is wrong'),
});

export type Source = z.infer<typeof Source>;
export type Home = z.infer<typeof Home>;
export type Country = z.infer<typeof Country>;
export type Unit = z.infer<typeof Unit>;
export type Partner = z.infer<typeof Partner>;
export type Agreement = z.infer<typeof Agreement>;
export type Programme = z.infer<typeof Programme>;
export type DegreeProgramme = z.infer<typeof DegreeProgramme>;
export type StrategicPartnership = z.infer<typeof StrategicPartnership>;
export type Flow = z.infer<typeof Flow>;
export type Conference = z.infer<typeof Conference>;
export type Visit = z.infer<typeof Visit>;
export type CallFact = z.infer<typeof CallFact>;
export type Check = z.infer<typeof Check>;

/** Output tables: file name → schema of one record. */
export const TABLES = {
  sources: Source,
  homes: Home,
  countries: Country,
  units: Unit,
  partners: Partner,
  agreements: Agreement,
  programmes: Programme,
  'degree-programmes': DegreeProgramme,
  'strategic-partnerships': StrategicPartnership,
  flows: Flow,
  conferences: Conference,
  visits: Visit,
  'call-facts': CallFact,
} as const;
export type TableName = keyof typeof TABLES;
