/**
 * The dataset's files at stable URLs: /data/<table>.csv (and /data/<table>.excel.csv for Excel), /data/<table>.json, /data/datapackage.json,
 * /data/validation.json, /data/schema/<table>.schema.json, /data/CITATION.cff and /data/koryu-atlas-data.zip
 * (src/lib/downloads.ts), copied from data/build/ at build time.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { buildFiles, excelFiles, dataFile, datasetZip, citation, downloadType, ZIP_NAME } from '../../lib/downloads.ts';

export const getStaticPaths: GetStaticPaths = () => [
  ...[...buildFiles(), ...excelFiles()].map((file) => ({ params: { file } })),
  { params: { file: 'CITATION.cff' } },
  { params: { file: ZIP_NAME } },
];

export const GET: APIRoute = ({ params }) => {
  const file = params.file!;
  const body = file === ZIP_NAME ? datasetZip() : file === 'CITATION.cff' ? new TextEncoder().encode(citation()) : dataFile(file);
  return new Response(body as BodyInit, { headers: { 'Content-Type': downloadType(file) } });
};
