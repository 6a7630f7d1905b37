/**
 * Tokyo Metropolitan University's call for applications to its student exchange programmes
 * (交換留学プログラム募集要項): the call's text, its appendices and forms (→ call facts, notes and
 * layout: scripts/sources/tmu/facts.ts, by the line shapes of scripts/sources/tmu/shapes.ts; a
 * line of no shape is an error) and the annex table of partner universities open for application
 * (→ one programme per course number: scripts/sources/tmu/annex.ts). The annex is found by its
 * header, not by line numbers, so another round of the same layout needs no code.
 */
import type { SourceContext } from '../lib/context.ts';
import type { ParseResult } from './types.ts';
import { buildProgrammes, findAnnex, readRows } from './tmu/annex.ts';
import { parseCallText } from './tmu/facts.ts';

export function parseTmuCall(ctx: SourceContext): ParseResult {
  const annex = findAnnex(ctx);
  if (!annex) ctx.error(1, 'expected the annex table of partner universities (a header row starting 大学名 … 国・地域)');
  const programmes = annex ? buildProgrammes(ctx, readRows(ctx, annex.from, annex.to)) : [];
  const callFacts = parseCallText(ctx, annex);
  return { programmes, callFacts };
}
