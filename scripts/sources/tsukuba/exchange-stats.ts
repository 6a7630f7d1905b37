/** Parser stub: to be written. */
import type { SourceContext } from '../../lib/context.ts';
import type { ParseResult } from '../types.ts';
import type { Section } from './index.ts';

export function parseStaffExchange(_ctx: SourceContext, _s: Section): ParseResult {
  return {};
}
export function parseStudentExchange(_ctx: SourceContext, _s: Section): ParseResult {
  return {};
}
