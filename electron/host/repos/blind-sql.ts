import { AGENCIES, type Agency } from '../../../shared/contract/common';
import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';

/**
 * Blind mode in SQL: the same rule as `hiddenFor` in shared/domain/crosswalk/approval.ts, on a
 * mappings alias. `viewer` undefined means blind mode does not apply (blind off, or a lead): every
 * helper then returns the plain column, so a query without blind mode is exactly what it was.
 * The viewer is inlined as a literal (after checking it is one of the agencies) so that no
 * parameter shifts the order of the others in the queries that use these pieces.
 */
export const agencyLiteral = (viewer: Agency | null): string => {
  if (viewer !== null && !AGENCIES.includes(viewer))
    throw new Error(`Not an agency: ${String(viewer)}`);
  return `'${viewer ?? ''}'`;
};

/** Another agency decided the mapping and the viewer's agency has not. */
export function hiddenSql(alias: string, viewer: Agency | null): string {
  const v = agencyLiteral(viewer);
  return `(EXISTS (SELECT 1 FROM mapping_agency_decisions bh WHERE bh.mapping_id = ${alias}.id AND bh.agency <> ${v})
    AND NOT EXISTS (SELECT 1 FROM mapping_agency_decisions bo WHERE bo.mapping_id = ${alias}.id AND bo.agency = ${v}))`;
}

/** The status the viewer sees: a hidden mapping reads as proposed. */
export function seenStatusSql(alias: string, viewer: BlindViewer): string {
  if (viewer === undefined) return `${alias}.status`;
  return `(CASE WHEN ${hiddenSql(alias, viewer)} THEN 'proposed' ELSE ${alias}.status END)`;
}

/** The mapping is not rejected as far as the viewer can see. */
export function seenNotRejectedSql(alias: string, viewer: BlindViewer): string {
  if (viewer === undefined) return `${alias}.status <> 'rejected'`;
  return `(${alias}.status <> 'rejected' OR ${hiddenSql(alias, viewer)})`;
}

/** A column of the last change (updated_by, updated_at): null when hidden and made by another agency. */
export function seenUpdateSql(
  alias: string,
  column: 'updated_by' | 'updated_at',
  viewer: BlindViewer,
): string {
  if (viewer === undefined) return `${alias}.${column}`;
  return `(CASE WHEN ${alias}.updated_by_agency <> ${agencyLiteral(viewer)} AND ${hiddenSql(alias, viewer)} THEN NULL ELSE ${alias}.${column} END)`;
}

/** A condition that holds only for mappings the viewer sees every decision of (always, when not blind). */
export function visibleSql(alias: string, viewer: BlindViewer): string | null {
  return viewer === undefined ? null : `NOT ${hiddenSql(alias, viewer)}`;
}
