import { gesherUriBase } from '../export/sssom';

/** What a workspace scheme is known by in an SSSOM file. */
export interface KnownScheme {
  id: string;
  prefix: string;
  uriBase: string | null;
  version: string;
}

export interface SssomTarget {
  sourceSchemeId?: string;
  targetSchemeId?: string;
  title?: string;
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;

/**
 * The workspace schemes an SSSOM file's subject and object sources name: the scheme whose IRI
 * base (its published one, else the Gesher URN an export writes) is `subject_source` /
 * `object_source`, of the `…_source_version` when the file gives one. Ambiguous or unknown: none.
 */
export function sssomTarget(
  metadata: Record<string, unknown> | null,
  schemes: readonly KnownScheme[],
): SssomTarget {
  if (!metadata) return {};
  const find = (side: 'subject' | 'object'): string | undefined => {
    const source = text(metadata[`${side}_source`]);
    if (!source) return undefined;
    const version = text(metadata[`${side}_source_version`]);
    const hits = schemes.filter(
      (s) =>
        (s.uriBase ?? gesherUriBase(s.prefix)) === source &&
        (version === undefined || s.version === version),
    );
    return hits.length === 1 ? hits[0]!.id : undefined;
  };
  const out: SssomTarget = {};
  const sourceSchemeId = find('subject');
  const targetSchemeId = find('object');
  const title = text(metadata.mapping_set_title);
  if (sourceSchemeId) out.sourceSchemeId = sourceSchemeId;
  if (targetSchemeId) out.targetSchemeId = targetSchemeId;
  if (title) out.title = title;
  return out;
}
