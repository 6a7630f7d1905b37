/** The source manifest (data/raw/sources.json): what each raw document is, and which parser reads it. */
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { HOME_IDS } from './homes.ts';

export const ManifestEntry = z.strictObject({
  /** Stable id of the document; appears in every record's `source.id` and in /sources/<id>/. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  /** Home university that published it. */
  home: z.enum(HOME_IDS),
  /** Layout of the document: picks the parser in scripts/sources/registry.ts. */
  kind: z.string().min(1),
  /** Path of the text file, absolute or relative to the manifest's folder. */
  file: z.string().min(1),
  title: z.string().min(1),
  publisher: z.string().min(1),
  /** Date the document's content is as of (ISO). */
  asOf: z.iso.date(),
  /** How the as-of date was established, where the document does not state it plainly. */
  asOfNote: z.string().optional(),
  /** Fiscal year the statistics cover (FY2023 = April 2023 – March 2024), where it has one. */
  fiscalYear: z.number().int().min(1900).max(2100).optional(),
  /** Licence/terms statement for the document, where known. */
  licence: z.string().optional(),
  /** SHA-256 of the file as received: the pipeline refuses a raw file that has changed. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  /** Where the original PDF was published, where known. */
  url: z.string().optional(),
});
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export interface SourceMeta extends Omit<ManifestEntry, 'sha256'> {
  /** Checksum the manifest records, when it records one. */
  expectedSha256?: string;
  /** Absolute path of the text file. */
  path: string;
  sha256: string;
  text: string;
}

export class ManifestError extends Error {}

/** Reads and validates a manifest; every problem names the manifest file and the entry. */
export function readManifest(manifestPath: string): SourceMeta[] {
  if (!existsSync(manifestPath)) throw new ManifestError(`${manifestPath}: manifest not found`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (e) {
    throw new ManifestError(`${manifestPath}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = z.array(ManifestEntry).safeParse(json);
  if (!parsed.success) {
    const msgs = parsed.error.issues.map((i) => `${manifestPath}: entry ${i.path.join('.')}: ${i.message}`);
    throw new ManifestError(msgs.join('\n'));
  }
  const seen = new Set<string>();
  return parsed.data.map((e, i) => {
    if (seen.has(e.id)) throw new ManifestError(`${manifestPath}: entry ${i}: duplicate id "${e.id}"`);
    seen.add(e.id);
    const path = isAbsolute(e.file) ? e.file : resolve(dirname(manifestPath), e.file);
    if (!existsSync(path)) throw new ManifestError(`${manifestPath}: entry ${i} ("${e.id}"): file not found: ${path}`);
    const buf = readFileSync(path);
    const { sha256: expectedSha256, ...rest } = e;
    return { ...rest, ...(expectedSha256 ? { expectedSha256 } : {}), path, sha256: createHash('sha256').update(buf).digest('hex'), text: buf.toString('utf8') };
  });
}
