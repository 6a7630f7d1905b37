/** Parser stub: to be written. */
import type { SourceContext } from '../lib/context.ts';
import type { ParseResult } from './types.ts';

export function parseOsakaAgreements(_ctx: SourceContext): ParseResult {
  return {};
}
