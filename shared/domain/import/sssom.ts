import { parseDelimited } from './delimited';
import { ImportReadError } from './import-problem';
import type { Table } from './table';
import { parseYamlLite, type YamlValue } from './yaml-lite';

export interface SssomFile {
  metadata: { [key: string]: YamlValue };
  table: Table;
}

/** An SSSOM TSV: a metadata block of `#` lines first, or a file with the SSSOM columns. */
export function looksLikeSssom(fileName: string, text: string): boolean {
  if (/\.sssom\.tsv$/i.test(fileName)) return true;
  const head = text.slice(0, 4096);
  if (/^#\s*(curie_map|mapping_set_id)\s*:/m.test(head)) return true;
  const firstData = head.split(/\r?\n/).find((l) => !l.startsWith('#')) ?? '';
  return /(^|\t)subject_id(\t|$)/.test(firstData) && /(^|\t)object_id(\t|$)/.test(firstData);
}

/**
 * Reads an SSSOM TSV. The codes in subject_id/object_id stay CURIEs here (the preview shows the
 * file as it is); the crosswalk validator strips the prefixes.
 */
export function parseSssom(text: string): SssomFile {
  const lines = text.split('\n');
  let n = 0;
  while (n < lines.length && lines[n]!.startsWith('#')) n++;
  const yaml = lines
    .slice(0, n)
    .map((l) => l.replace(/\r$/, '').slice(1))
    .join('\n');
  let metadata: { [key: string]: YamlValue };
  try {
    metadata = parseYamlLite(yaml);
  } catch (error) {
    const reason = (error as Error).message;
    throw new ImportReadError(
      'sssom_metadata',
      `the SSSOM metadata block cannot be read: ${reason}`,
      { reason },
    );
  }
  const table = parseDelimited(text, { delimiter: '\t', skipRows: n });
  return { metadata, table };
}
