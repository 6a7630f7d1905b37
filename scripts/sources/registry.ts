/** Manifest `kind` → parser. Adding a document of a known layout is a manifest entry, not code. */
import type { Parser } from './types.ts';
import { parseTsukubaFactbook } from './tsukuba/index.ts';
import { parseHiroshimaAgreements } from './hiroshima-agreements.ts';
import { parseOsakaAgreements } from './osaka-agreements.ts';
import { parseUtokyoStrategic } from './utokyo-strategic.ts';
import { parseTmuCall } from './tmu-call.ts';

export const PARSERS: Record<string, Parser> = {
  'tsukuba-factbook-exchange': parseTsukubaFactbook,
  'hiroshima-department-agreements': parseHiroshimaAgreements,
  'osaka-department-agreements': parseOsakaAgreements,
  'utokyo-strategic-partnerships': parseUtokyoStrategic,
  'tmu-exchange-call': parseTmuCall,
};
