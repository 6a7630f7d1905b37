/**
 * The dataset's record types: one Zod schema per table, a doc comment per field. TypeScript types
 * are derived from these; the published JSON Schema and Table Schema are generated from them.
 * Field names are the contract of ../shared/DATA-MODEL.md: add fields freely, rename none.
 */
import { z } from 'zod';
import { HOME_IDS } from '../lib/homes.ts';

/*
 * Two metadata keys, read by ../lib/table-schema.ts to write the Table Schema of datapackage.json
 * (and left out of the published JSON Schemas):
 *   references: '<table>.<field>'  the value is a key of another table (a foreign key, or a list of them)
 *   tableType: 'year' | 'yearmonth'  the Table Schema type, where JSON Schema has no word for it
 * A required string is published as required in the Table Schema only when it cannot be empty
 * (`.min(1)`, a pattern or an enum): an empty CSV cell reads as a missing value.
 */
const isoDate = z.iso.date();
/** A calendar year; a fiscal year is named by the calendar year it starts in (FY2023 = April 2023 – March 2024). */
const year = z.number().int().meta({ tableType: 'year' });
/** A non-empty string naming a key of another table (`table.field`). */
const ref = (key: string) => z.string().min(1).meta({ references: key });
const countryCode = z.string().regex(/^[A-Z]{2}$/).describe('ISO 3166-1 alpha-2 code');
const country = countryCode.meta({ references: 'countries.code' });
const homeId = z.enum(HOME_IDS).describe('Home university id');
const home = homeId.meta({ references: 'homes.id' });
const unitId = ref('units.id').describe('Unit id');
const partnerId = ref('partners.id').describe('Partner id');
const bilingual = z.object({ ja: z.string().min(1).describe('Japanese name'), en: z.string().optional().describe('English name, where a source gives one') });
/*
 * English columns: the English name beside a value the sources give only in Japanese or as a code, for
 * readers of the CSVs who do not read Japanese (a spreadsheet cannot join tables). Filled by the
 * assemble stage from partners, countries, units and data/reference/labels-en.json, never by a
 * parser (ENGLISH_FIELDS); each repeats a name the dataset already holds elsewhere, so a program
 * may ignore them and join by id.
 */
const englishName = (what: string) => z.string().min(1).describe(what);
const englishNames = (what: string) => z.array(z.string().min(1)).min(1).describe(what);
/** Filled for every record of a published build: a partner is missing only from a failed run, whose error names it. */
const PARTNER_EN = (what: string) => `${what}; filled for every record (empty only in the output of a run that failed to identify the partner)`;
const countryNameEn = () => englishName('English name of the country (countries.name.en of country)');

/** Where a record came from: the manifest id of its document and the 1-based line(s). */
export const SourceRef = z.object({
  id: ref('sources.id').describe('Manifest id of the source document'),
  line: z.number().int().positive().describe('1-based line of the raw text the record starts on'),
  lines: z.array(z.number().int().positive()).optional().describe('Every line the record spans, when more than one'),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const Source = z.object({
  id: z.string().min(1).describe('Stable id of the document'),
  home,
  kind: z.string().min(1).describe('Layout of the document; picks its parser'),
  title: z.string().min(1).describe('Title of the document, as published'),
  publisher: z.string().min(1).describe('Who published the document'),
  asOf: isoDate.describe('Date the content is as of'),
  asOfNote: z.string().optional().describe('How the as-of date was established'),
  fiscalYear: year.optional().describe('Fiscal year the statistics cover (April–March, named by the starting year)'),
  file: z.string().min(1).describe('File name under data/raw/'),
  sha256: z.string().min(1).describe('SHA-256 of the raw file'),
  lineCount: z.number().int().describe('Number of lines of the raw text'),
  licence: z.string().optional().describe("The document's terms of use, where known"),
  url: z.string().optional().describe('Where the document was published'),
  coverage: z.object({
    levels: z.array(z.enum(['university', 'department', 'cic', 'strategic'])).describe('Agreement levels the document lists (none for a call for applications)'),
    relations: z.array(z.enum(['agreement', 'strategic-partnership', 'programme', 'flow', 'degree-programme', 'conference', 'visit'])).describe('Kinds of record the document gives'),
    short: z.object({ ja: z.string().min(1), en: z.string().min(1) }).describe('One line: whose list, of what, as of when'),
    covers: z.object({ ja: z.string().min(1), en: z.string().min(1) }).describe('What the document covers'),
    leavesOut: z.object({ ja: z.string().min(1), en: z.string().min(1) }).describe('What it leaves out: what the data cannot tell about this university'),
  }).optional().describe('What the document covers and leaves out (reviewed: data/reference/coverage.json); absent only when the pipeline reports its entry missing'),
}).describe('One source document: a university publication the records are read from, with its provenance');

export const Home = z.object({
  id: homeId,
  name: z.object({ ja: z.string().min(1).describe('Japanese name'), en: z.string().min(1).describe('English name') }),
  ror: z.string().regex(/^0[a-z0-9]{6}[0-9]{2}$/).nullable().describe('ROR (Research Organization Registry) id, the 9-character part of https://ror.org/<id> (reviewed: data/reference/homes.json); null only when the pipeline reports the entry missing'),
  location: z.object({
    lat: z.number().describe('Latitude (WGS 84)'),
    lon: z.number().describe('Longitude (WGS 84)'),
    precision: z.enum(['registry']).describe('registry: the place of the ROR record (its GeoNames city; a main campus outside that city is within about 35 km of it)'),
  }).nullable().describe('Where the university is, at city precision: the place of its ROR record (the origin of the lines of the flow map); null only when the pipeline reports the entry missing'),
}).describe('A Japanese university whose documents are in the dataset');

export const Country = z.object({
  code: countryCode,
  name: z.object({ ja: z.string().min(1).describe('Japanese name'), en: z.string().min(1).describe('English name') }),
  region: z.string().min(1).describe('Project region id (data/reference/README.md)'),
  regionNameEn: englishName('English name of the project region'),
  sourceRegions: z.array(z.string()).describe('Region labels the sources themselves give this country'),
  sourceRegionsEn: z.array(z.string().min(1)).describe('The same labels in English, in the same order (data/reference/labels-en.json)'),
}).describe('A country or territory present in the data (HK, TW and MO as their own)');

export const Unit = z.object({
  id: z.string().min(1).describe('Unit id, unique across homes (prefixed with the home id)'),
  home,
  name: bilingual,
  parent: unitId.optional().describe('Id of the enclosing unit'),
  kind: z.string().min(1).describe('faculty, graduate-school, institute, center, hospital, headquarters, group, …'),
  countedIn: unitId.optional().describe('The group whose printed subtotal counts this unit\'s rows in the statistics tables, where that is not under its parent'),
  countedInReason: z.string().optional().describe('Why the unit is counted there (with countedIn)'),
}).describe('An organisational unit of a home university (faculty, graduate school, institute, …)');

export const Partner = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).describe('Stable readable slug of the English name (mahidol-university); the city or country is added only where two partners share a name'),
  formerIds: z.array(z.string().min(1)).describe('Ids the partner was published under before; their URLs send readers on to this one'),
  name: z.object({
    ja: z.string().min(1).describe('Japanese name, as the sources spell it (a reviewed spelling where every source misprints it)'),
    en: z.string().min(1).describe('Official English name of the institution (reviewed: data/reference/partner-identities/)'),
  }),
  signedAs: z.object({
    en: z.string().min(1).describe('Name of the institution the agreements were signed with'),
    ror: z.string().optional().describe('Its (now inactive) ROR id'),
  }).optional().describe('Where the institution has since merged or been renamed: the name the agreements were signed under'),
  reading: z.string().optional().describe('Romanised reading of the Japanese name (not an official name): Hepburn for Japanese readings, Hanyu Pinyin for Han-only names of institutions in CN, TW, HK and MO'),
  readingLang: z.enum(['ja-Latn', 'zh-Latn-pinyin']).optional().describe('Language tag of the reading: ja-Latn (Hepburn) or zh-Latn-pinyin (Mandarin reading in Hanyu Pinyin)'),
  aliases: z.array(z.string()).min(1).describe('Every spelling of the name seen in the sources'),
  otherNames: z.array(z.string()).optional().describe("Other names the registry record gives: labels in other languages, former names, aliases and acronyms (for search; they are the registry's, not the sources')"),
  country: country.nullable().describe('ISO 3166-1 alpha-2 code of the country the partner is in (an international organisation: the country of its seat, as its registry record gives it); null only for a network spanning countries with no seat (scope international), which is counted under no country'),
  countryNameEn: countryNameEn().optional().describe('English name of the country (countries.name.en of country); empty where the partner has no country'),
  scope: z.enum(['international']).optional().describe('international: an organisation or network spanning countries (with a seat: country is the seat\'s; without one: country is null)'),
  kind: z.string().min(1).describe('university, institute, government, company, hospital, consortium, other'),
  ror: z.string().regex(/^0[a-z0-9]{6}[0-9]{2}$/).nullable().describe('ROR (Research Organization Registry) id, the 9-character part of https://ror.org/<id>; null where the partner has no ROR record'),
  wikidata: z.string().regex(/^Q[0-9]+$/).optional().describe('Wikidata item of the institution, as its ROR record gives it'),
  website: z.string().nullable().describe("The institution's website, from its registry record (ROR, else the Hipo university-domains list); null where neither has one"),
  city: z.string().nullable().describe('City of the institution (English, GeoNames name): the registry\'s place, else a reviewed city'),
  cityGeonames: z.number().int().positive().optional().describe('GeoNames id of `city` (the ROR record\'s place, else the reviewed city); absent where the partner has no place'),
  location: z.object({
    lat: z.number().describe('Latitude (WGS 84)'),
    lon: z.number().describe('Longitude (WGS 84)'),
    precision: z.enum(['registry', 'city']).describe('registry: the place of the ROR record (its GeoNames city); city: a reviewed city looked up in the GeoNames gazetteer'),
  }).nullable().describe('Where the institution is, at city precision; null where no place is known'),
  identity: z.object({
    status: z.enum(['ror', 'registry', 'reviewed', 'unidentified']).describe('ror: matched to a ROR record; registry: matched to an entry of the Hipo university-domains list (by website domain); reviewed: no registry record (the evidence says why); unidentified: which institution is meant cannot be told (the evidence says why)'),
    evidence: z.string().min(1).describe('The registry record and the reviewed reason it is this institution, or why there is none'),
  }).describe('How the partner was identified'),
}).describe('A partner institution, merged across all sources');

export const Agreement = z.object({
  id: z.string().min(1).describe('<source id>-L<line>'),
  home,
  partner: partnerId.describe('Partner id: the partner, or the first of `partners` where the line names several institutions'),
  partners: z.array(partnerId).min(1).describe('Every partner institution the line names, in the order written (one id for most lines; several where one cell names several institutions, e.g. osaka-2021 L101: KAERI and the Chinese Academy of Sciences). The agreement is a relation with each of them'),
  partnerName: z.string().min(1).describe('Partner name as written on this line (the whole cell, where it names several institutions)'),
  partnerNameEn: z.string().min(1).optional().describe(PARTNER_EN("The partner's official English name (partners.name.en of partner)")),
  partnerUnit: z.string().optional().describe('Faculty, school or institute of the partner the agreement is with'),
  countries: z.array(country).min(1).describe('Countries the agreement line names (more than one for consortia)'),
  countryNamesEn: englishNames('English names of the countries, in the order of countries (countries.name.en)'),
  regionNamesEn: englishNames("English names of the project regions of the countries (countries.region; data/reference/README.md), each once, in the order of countries"),
  regionLabel: z.string().optional().describe("The source's own region label"),
  regionLabelEn: englishName("The source's region label in English (data/reference/labels-en.json), where the source gives one").optional(),
  countryLabel: z.string().optional().describe('The country/region cell as written (e.g. 中国(香港), 韓国/中国)'),
  partnerMembers: z.array(z.object({
    name: z.string().describe('Member institution as written (cleaned)'),
    unit: z.string().optional().describe('Faculty etc. of the member the agreement is with'),
    country,
  })).optional().describe('When the partner is a consortium or a group of institutions: its members, as the line names them'),
  level: z.enum(['university', 'department', 'cic', 'strategic']).describe('全学 university-wide, 部局間 department-level, CiC campus-in-campus, strategic partnership'),
  homeUnits: z.array(unitId).describe('Unit ids of the home university party to the agreement (none when the line names no unit)'),
  homeUnitsRaw: z.string().optional().describe('The home-unit cell as written'),
  signedOn: isoDate.optional().describe('Date signed / in effect'),
  signedYear: year.optional().describe('Year signed, when the source gives a year (or year and month) but no full date'),
  signedMonth: z.string().regex(/^\d{4}-\d{2}$/).optional().describe('Month signed (YYYY-MM), when the source gives a year and month but no day'),
  dates: z.array(isoDate).optional().describe('Every date of a compound date cell'),
  dateRaw: z.string().optional().describe('The date cell as written'),
  tuitionWaiver: z.object({
    max: z.number().int().nullable().describe('Maximum students; 0 for none (×); null when the text gives no single number'),
    raw: z.string().describe('The tuition-waiver cell as written'),
  }).optional().describe('Tuition waiver for exchange students'),
  targets: z.object({
    researchers: z.boolean().describe('Researchers are exchanged'),
    students: z.boolean().describe('Students are exchanged'),
  }).optional().describe('Exchange of researchers and/or students'),
  fields: z.string().optional().describe('Fields of exchange, as written'),
  corrections: z.array(z.object({ field: z.string(), printed: z.string().describe('The value as printed, JSON'), reason: z.string() })).optional()
    .describe('Values the document prints wrongly, corrected through data/reference/record-errata.json'),
  source: SourceRef,
}).describe('One agreement line of a source: an exchange agreement between a home university (or its units) and a partner');

const requirementFormat = z.enum(['not-stated', 'none', 'min', 'per-level', 'range', 'recommended', 'cefr', 'level', 'conditional', 'text']);
const requirementSections = z.object({
  all: z.number().optional().describe('Minimum of every section (no band below …)'),
  listening: z.number().optional(),
  reading: z.number().optional(),
  writing: z.number().optional(),
  speaking: z.number().optional(),
}).describe('Section (sub-score) minimums');
const requirementTests = z.array(z.object({
  test: z.string().describe('HSK, TOCFL, CEFR, …'),
  level: z.number().optional().describe('Level / grade / band of the test'),
  score: z.number().optional().describe('Score within that level'),
  cefr: z.string().optional(),
  language: z.string().optional().describe('Language the level is for, where named (German, Spanish…)'),
})).describe('Other-language tests and levels, where the text names one clearly');
/** One case of a requirement that depends on the faculty, subject or module (format conditional). */
const requirementBranch = z.object({
  when: z.string().describe('The case as written ("To study Geography", "if you study in Faculty of … Law"); empty for the default case'),
  none: z.boolean().optional().describe('This case has no requirement ("No requirement, but …")'),
  min: z.number().optional().describe('Overall minimum in this case'),
  sections: requirementSections.optional(),
  unread: z.string().optional().describe('Further conditions of this case that are not read as numbers (they can only make it stricter)'),
  raw: z.string(),
}).describe('A case of a conditional requirement, read only when every case gives its number');
/** A requirement stated in a row's notes rather than in its cell. */
const notedRequirement = z.object({
  format: z.enum(['min', 'cefr', 'conditional']),
  min: z.number().optional(),
  sections: requirementSections.optional(),
  cefr: z.string().optional(),
  level: z.enum(['undergraduate', 'graduate']).optional().describe('The level the note limits it to'),
  raw: z.string().describe('The words of the note that state it'),
});
const requirementRange = z.object({ from: z.number(), to: z.number() }).describe('A range of minimums that depends on the programme (2.5-3.0)');
/** One level's value of a requirement cell that states undergraduate and graduate values apart. */
const levelRequirement = z.object({
  format: requirementFormat.optional().describe("How this level's text was read (as Requirement.format)"),
  min: z.number().optional().describe('Minimum score for this level, where the text gives one number'),
  scale: z.number().optional().describe('Scale of a GPA'),
  recommended: z.number().optional().describe('A recommended (not required) score for this level'),
  cefr: z.string().optional().describe('CEFR level (A1–C2) for this level'),
  none: z.boolean().optional().describe('The cell says there is no requirement for this level (-, N/A)'),
  range: requirementRange.optional(),
  sections: requirementSections.optional(),
  homeEditionMin: z.number().optional().describe('Minimum for the TOEFL iBT Special Home Edition, for this level'),
  tests: requirementTests.optional(),
  branches: z.array(requirementBranch).optional().describe('The cases of a conditional requirement for this level, where every case gives its number'),
  allCases: z.string().optional().describe('A further condition stated for every case ("In all cases, …"), not read as numbers'),
  raw: z.string().describe("This level's part of the cell, as written"),
});

const requirement = z.object({
  min: z.number().optional().describe('Minimum score, where the text gives one number'),
  scale: z.number().optional().describe('Scale of a GPA (4, 4.3, 5, 100…)'),
  raw: z.string().describe('The requirement as written'),
  format: requirementFormat.optional()
    .describe('How the raw text was read: not-stated (blank), none (-, N/A, no requirement), min (one clear minimum), per-level (undergraduate and graduate differ: see byLevel), range (a range, no single minimum), recommended (advice, not a requirement), cefr (a CEFR level only), level (a test level such as HSK 5), conditional (depends on faculty, module…: no number taken), text (prose with no number taken)'),
  recommended: z.number().optional().describe('A recommended (not required) score, when the text only recommends'),
  range: requirementRange.optional(),
  sections: requirementSections.optional(),
  cefr: z.string().optional().describe('CEFR level (A1–C2) the requirement names'),
  homeEditionMin: z.number().optional().describe('Minimum for the TOEFL iBT Special Home Edition, where the text gives a separate one'),
  tests: requirementTests.optional(),
  branches: z.array(requirementBranch).optional().describe('The cases of a conditional requirement (format conditional), where every case gives its number: "No requirement, but if you study in … Law: 6.0" → none | 6.0'),
  allCases: z.string().optional().describe('A further condition stated for every case ("In all cases, …"), not read as numbers: it can only make each case stricter'),
  noted: notedRequirement.optional().describe('A requirement the row states in its notes, for where this cell states none (notedRequirements in scripts/sources/tmu/requirements.ts)'),
  byLevel: z.object({ undergraduate: levelRequirement.optional(), graduate: levelRequirement.optional() }).optional()
    .describe('Values per level, where the cell gives them per level (学部 …/大学院 …)'),
  oneSkillRetake: z.boolean().optional().describe('IELTS One Skill Retake accepted (true) or not (false), where the programme says'),
});

export const Programme = z.object({
  id: z.string().min(1).describe('Course number'),
  home,
  partner: partnerId,
  partnerName: bilingual.describe('Partner name as written in the call'),
  partnerUnit: z.string().optional().describe('Faculty, school or college of the partner the programme is with (Japanese, as written)'),
  country,
  countryNameEn: countryNameEn(),
  places: z.object({
    semesterSpots: z.number().optional().describe('Semester spots: 4 = four students for a half year or two for a year'),
    sharedWith: z.array(z.string()).describe('Course numbers sharing the same pool of places (a number the call does not list stays as printed)'),
    raw: z.string().describe('The places cell as written'),
  }).describe('Places (numbers of students)'),
  courseType: z.string().min(1).describe('Course type as written (正規課程, 語学のみ, …)'),
  courseKind: z.enum(['regular', 'language-only', 'language+regular']).optional().describe('courseType read: 正規課程 regular courses, 語学のみ language courses only, 語学 + 正規課程 language then regular courses'),
  levels: z.object({ undergraduate: z.boolean().describe('Open to undergraduates'), graduate: z.boolean().describe('Open to graduate students') }).describe('Levels the programme is open to (a level listed without a ○/× mark is read as open: see levelsUnsettled)'),
  levelsUnsettled: z.array(z.enum(['undergraduate', 'graduate'])).optional().describe('Levels the row lists without a ○/× mark, or marks twice differently: whether they may apply is not settled by the document'),
  levelsMarkLost: z.array(z.enum(['undergraduate', 'graduate'])).optional().describe('Of levelsUnsettled, the levels whose ○/× mark was lost (a label with no mark, not contradicted by another): the finder judges such a level offered where the row states its requirements for it'),
  language: z.string().min(1).describe('Language(s) of instruction, as written'),
  requirements: z.object({
    gpa: requirement.describe('GPA requirement'),
    ielts: requirement.describe('IELTS requirement'),
    toefl: requirement.describe('TOEFL iBT requirement'),
    other: requirement.describe('Other language requirements'),
  }),
  languageNotes: z.string().optional().describe('The row\'s notes on its language requirements (the cell after them), as written; also part of notes'),
  reRecruitment: z.boolean().describe('Open again in a re-recruitment round'),
  links: z.array(z.string()).describe('Web pages the call links for the programme'),
  notes: z.string().describe('Notes as written (empty when none)'),
  homeUnits: z.array(unitId).optional().describe('Unit ids of the home university whose students may apply, where the programme is restricted'),
  homeUnitsRaw: z.string().optional().describe('The restriction as written'),
  source: SourceRef,
}).describe('An exchange programme open for application in a call, one per course number');

export const DegreeProgramme = z.object({
  id: z.string().min(1).describe('Programme id'),
  kind: z.enum(['double', 'joint']).describe('Double or joint degree'),
  home,
  programme: z.string().min(1).describe('Home programme / course as written'),
  homeUnits: z.array(unitId).describe('Unit ids of the home university running the programme'),
  partners: z.array(partnerId).min(1).describe('Partner ids'),
  partnerNames: z.array(z.string()).optional().describe('Partner names as written, one per partner, in order (with any faculty or institute, e.g. マレーシア工科大学マレーシア日本国際工科院)'),
  partnerNamesEn: z.array(z.string().min(1)).min(1).optional().describe(PARTNER_EN('Official English names of the partners, in the order of partners (partners.name.en)')),
  form: z.string().min(1).describe('Degree form, e.g. 博士－博士'),
  formEn: z.string().optional().describe("The degree form in English (Doctoral–Doctoral), when every word of it is a known degree word"),
  startFiscalYear: year.optional().describe('Fiscal year the programme first started: the earliest of startFiscalYears (a programme carried over from before a reorganisation counts from its start under the old organisation, e.g. R2 (H29) → 2017)'),
  startFiscalYears: z.array(year).optional().describe('Every era year the cell gives, converted (e.g. R2 (H29) → [2020, 2017])'),
  startRaw: z.string().describe('The start cell as written'),
  source: SourceRef,
}).describe('A double or joint degree programme with one or more partners');

export const StrategicPartnership = z.object({
  id: z.string().min(1).describe('Partnership id'),
  home,
  tier: z.enum(['primary', 'prospective']).describe('Primary strategic partner, or prospective'),
  name: z.string().min(1).describe('Name of the partner or group, as written'),
  abbreviation: z.string().optional().describe('Abbreviation the source prints after the name (PKU, ETHZ)'),
  members: z.array(partnerId).min(1).describe('Partner ids'),
  memberNamesEn: z.array(z.string().min(1)).min(1).optional().describe(PARTNER_EN('Official English names of the members, in the order of members (partners.name.en)')),
  homeUnits: z.array(unitId).describe('Unit ids of the home university taking part'),
  homeUnitCodes: z.array(z.string()).describe("Abbreviations as printed, decoded through the brochure's legend"),
  mouYear: year.optional().describe('Year the memorandum of understanding was signed'),
  facts: z.array(z.object({
    what: z.string(),
    value: z.union([z.number(), z.string()]),
    line: z.number().int(),
    qualifier: z.string().optional().describe('about, nearly, more than, at least: how the source bounds the figure'),
    raw: z.string().optional().describe('The clause of the source stating the fact'),
  })).optional().describe('Figures the source states about the partnership (what, value, the line stating it)'),
  notes: z.string().describe('Notes as written'),
  source: SourceRef,
}).describe('A strategic partnership of a home university, with one partner or a group');

export const Flow = z.object({
  home,
  fiscalYear: year.describe('Fiscal year of the count'),
  population: z.enum(['student', 'staff']).describe('Students or staff (researchers, faculty)'),
  direction: z.enum(['inbound', 'outbound']).describe('Coming to the home university, or going abroad from it'),
  country: country.optional().describe('Country of the count, where the table is by country (absent for a label naming no one country: その他, 国・地域不明, …)'),
  countryNameEn: countryNameEn().optional().describe('English name of the country (countries.name.en of country), where the count has one'),
  countryLabel: z.string().optional().describe('Country/region label as written'),
  unit: unitId.optional().describe('Unit id, where the table is by unit'),
  unitNameEn: englishName('English name of the unit (units.name.en of unit), where the unit has one').optional(),
  category: z.string().min(1).describe('regular, non-regular, employed-researcher, employed-faculty, employed-other, own-funds, external-funds, other-funds, total'),
  count: z.number().int().nonnegative().describe('The count'),
  asOf: isoDate.optional().describe('Date the count is as of, where the table states one'),
  courseLevel: z.enum(['master', 'doctoral', 'professional']).optional().describe('Degree course the count is for, where the source splits a unit by it: 修士課程 master, 博士課程 doctoral, 専門職学位課程 professional'),
  source: SourceRef,
}).describe('One count of an exchange-statistics table (a leaf: subtotals and totals are checks, not flows)');

export const Conference = z.object({
  id: z.string().min(1).describe('Conference id'),
  home,
  fiscalYear: year.optional().describe('Fiscal year the conference is listed under'),
  name: z.string().min(1).describe('Name as written'),
  startDate: isoDate.optional().describe('First day'),
  endDate: isoDate.optional().describe('Last day'),
  dateRaw: z.string().min(1).describe('The date cell as written'),
  format: z.string().optional().describe('オンサイト / オンライン / ハイブリッド as written'),
  formatEn: z.enum(['on-site', 'online', 'hybrid']).optional().describe('The format in English (data/reference/labels-en.json)'),
  venue: z.string().optional().describe('Venue as written'),
  hosts: z.string().optional().describe('Host(s) as written'),
  theme: z.string().optional().describe('Theme as written'),
  countries: z.number().int().optional().describe('Number of participating countries'),
  participants: z.number().int().optional().describe('Number of participants'),
  foreignParticipants: z.number().int().optional().describe('Number of participants from abroad'),
  participantsRaw: z.string().optional().describe('The participants cell as written'),
  regions: z.number().int().optional().describe('Participating regions counted apart from countries (32か国・1地域 → 1)'),
  countriesAtLeast: z.boolean().optional().describe('True when the number of countries is stated as a minimum (最低3か国以上)'),
  source: SourceRef,
}).describe('An international conference held by a home university');

export const Visit = z.object({
  id: z.string().min(1).describe('Visit id'),
  home,
  fiscalYear: year.optional().describe('Fiscal year the visit is listed under'),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/).meta({ tableType: 'yearmonth' }).describe('Month of the visit, YYYY-MM'),
  visitor: z.string().min(1).describe('Visiting institution or delegation, as written'),
  country: country.optional().describe('Country of the visitor'),
  countryNameEn: countryNameEn().optional().describe('English name of the country (countries.name.en of country), where the visit names one'),
  count: z.number().int().describe('Number of visits'),
  persons: z.number().int().describe('Number of persons'),
  source: SourceRef,
}).describe('An official visit received by a home university');

/** A structured fact of a call for applications (dates, minimums, money). */
export const CallFact = z.object({
  id: z.string().min(1).describe('Fact id'),
  home,
  topic: z.string().min(1).describe('schedule, eligibility, stipend, travel, scholarship, test-fee, …'),
  what: z.string().min(1).describe('What the fact is, as written'),
  value: z.union([z.number(), z.string(), z.boolean()]).optional().describe('The value the fact states'),
  unit: z.string().optional().describe('Unit of the value (JPY, JPY/month, IELTS, months, …)'),
  date: isoDate.optional().describe('Date, when the fact is a date or a period'),
  endDate: isoDate.optional().describe('Last day, when the fact is a period'),
  time: z.string().optional().describe('Time of day as written (12:10~12:45, 正午)'),
  key: z.string().optional().describe('Stable slug of what the fact is (first-entry, stipend, travel-cap…), the same for every line that states it'),
  region: z.string().optional().describe('Destination region class the value is for, as written (指定都市, 甲地域, アジア地域…)'),
  condition: z.string().optional().describe('Who or what the value applies to, as written (授業料減免適用者, 8日～31日…)'),
  approx: z.boolean().optional().describe('The document marks the value as approximate or provisional (程度, 目途, 予定)'),
  raw: z.string().describe('The clause as written'),
  en: z.object({
    what: z.string(), time: z.string(), region: z.string(), areas: z.string(), condition: z.string(), value: z.string(),
  }).partial().optional().describe('The fact in English where it can be said: time of day, region class and its areas, condition, a text value (data/reference/call-english.json, the country table)'),
  source: SourceRef,
}).describe('A structured fact of a call for applications: dates, minimums, money');

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

/** The English columns of each table (see englishName above): filled by the assemble stage, never by a parser. */
export const ENGLISH_FIELDS = {
  countries: ['regionNameEn', 'sourceRegionsEn'],
  partners: ['countryNameEn'],
  agreements: ['partnerNameEn', 'countryNamesEn', 'regionNamesEn', 'regionLabelEn'],
  programmes: ['countryNameEn'],
  'degree-programmes': ['partnerNamesEn'],
  'strategic-partnerships': ['memberNamesEn'],
  flows: ['countryNameEn', 'unitNameEn'],
  conferences: ['formatEn'],
  visits: ['countryNameEn'],
} as const satisfies Partial<Record<TableName, readonly string[]>>;
export type EnglishField<T extends keyof typeof ENGLISH_FIELDS> = (typeof ENGLISH_FIELDS)[T][number];

/** A table's record schema without its English columns: what a parser's draft must satisfy (its partner ids filled in). */
export function draftSchema(table: keyof typeof ENGLISH_FIELDS): z.ZodObject {
  const mask = Object.fromEntries(ENGLISH_FIELDS[table].map((k) => [k, true as const]));
  return (TABLES[table] as z.ZodObject).omit(mask as never);
}
