/**
 * The dataset as pages see it: typed tables from data/build/ (read once per build) and indexes
 * between them. Types come from the pipeline's Zod schemas.
 */
import type {
  Agreement, Partner, Country, Unit, Home, Source, Programme, DegreeProgramme, StrategicPartnership,
} from '../../scripts/schema/records.ts';
import { table } from './data.ts';
import { groupBy } from './select.ts';
import { agreementPartners } from './relations.ts';

export interface Dataset {
  sources: Source[];
  homes: Home[];
  countries: Country[];
  units: Unit[];
  partners: Partner[];
  agreements: Agreement[];
  programmes: Programme[];
  degreeProgrammes: DegreeProgramme[];
  strategic: StrategicPartnership[];
  partnerById: Map<string, Partner>;
  countryByCode: Map<string, Country>;
  unitById: Map<string, Unit>;
  homeById: Map<string, Home>;
  /** every agreement with each partner: an agreement naming several institutions is under each of them */
  agreementsByPartner: Map<string, Agreement[]>;
  programmesByPartner: Map<string, Programme[]>;
  degreesByPartner: Map<string, DegreeProgramme[]>;
  strategicByPartner: Map<string, StrategicPartnership[]>;
}

let cached: Dataset | undefined;

export function dataset(): Dataset {
  if (cached) return cached;
  const agreements = table<Agreement>('agreements');
  const programmes = table<Programme>('programmes');
  const degreeProgrammes = table<DegreeProgramme>('degree-programmes');
  const strategic = table<StrategicPartnership>('strategic-partnerships');
  const partners = table<Partner>('partners');
  const countries = table<Country>('countries');
  const units = table<Unit>('units');
  const homes = table<Home>('homes');
  cached = {
    sources: table<Source>('sources'),
    homes, countries, units, partners, agreements, programmes, degreeProgrammes, strategic,
    partnerById: new Map(partners.map((p) => [p.id, p])),
    countryByCode: new Map(countries.map((c) => [c.code, c])),
    unitById: new Map(units.map((u) => [u.id, u])),
    homeById: new Map(homes.map((h) => [h.id, h])),
    agreementsByPartner: groupBy(agreements, agreementPartners),
    programmesByPartner: groupBy(programmes, (p) => [p.partner]),
    degreesByPartner: groupBy(degreeProgrammes, (d) => d.partners),
    strategicByPartner: groupBy(strategic, (s) => s.members),
  };
  return cached;
}
