import type { BlindViewer } from '../../../shared/domain/crosswalk/approval';
import type { Session } from '../backend/session';

/**
 * Whom blind mode applies to in this session, for a crosswalk whose blind mode is `blindMode`:
 * every service asks this one helper. Stewards and viewers see only their own agency's decisions
 * (no session: none); a lead, who switches blind mode and adjudicates, sees everything
 * (undefined, as when blind mode is off).
 */
export function blindViewer(session: Session, blindMode: boolean): BlindViewer {
  if (!blindMode) return undefined;
  const steward = session.steward;
  if (steward?.role === 'lead') return undefined;
  return steward?.agency ?? null;
}
