/** Parser stub: to be written. */
import type { SourceContext } from '../../lib/context.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';

export function parseConferences(_ctx: SourceContext, _s: Section): ParseResult {
  return {};
}
export function parseVisits(_ctx: SourceContext, _s: Section): ParseResult {
  return {};
}
export function parseDegreeProgrammes(_ctx: SourceContext, _s: Section): ParseResult {
  return {};
}
