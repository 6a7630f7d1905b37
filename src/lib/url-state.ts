/**
 * What the pages' query-string parsers share: codes read case-insensitively against the values a
 * page offers, and the problems a parser found — a value the page does not know, or one that is not
 * of the right form — which the page names in a visible notice (role="status") and drops, never
 * ignoring them silently. Pure and tiny: page scripts import it before anything else loads.
 */
export interface UrlProblem {
  key: string;
  /** the value as the address gives it */
  value: string;
  /** unknown: no such code or option here; malformed: not of the right form (a year, a number…); excess: more than the page can take (a shortlist's limit) */
  why: 'unknown' | 'malformed' | 'excess';
}

/** The allowed value equal to `value` ignoring case (th → TH, Osaka → osaka), or undefined. */
export function matchCode(value: string, allowed: readonly string[]): string | undefined {
  const v = value.trim().toLowerCase();
  return allowed.find((a) => a.toLowerCase() === v);
}

/** The notice's text: a lead, then each problem by a template with {key} and {value}. */
export function noticeText(problems: readonly UrlProblem[], words: { lead: string; unknown: string; malformed: string; excess?: string; sep: string }): string {
  const fill = (t: string, p: UrlProblem) => t.replace(/\{key\}/g, () => p.key).replace(/\{value\}/g, () => p.value);
  return `${words.lead} ${problems.map((p) => fill(words[p.why] ?? words.unknown, p)).join(words.sep)}`;
}
