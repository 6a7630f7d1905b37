/**
 * The list sections of the chapter, one module each: (4) conferences held, (5) official foreign
 * visits, (6) double- and joint-degree programmes. The dispatcher (index.ts) calls them from here.
 */
export { parseConferences } from './conferences.ts';
export { parseVisits } from './visits.ts';
export { parseDegreeProgrammes } from './degree-programmes.ts';
