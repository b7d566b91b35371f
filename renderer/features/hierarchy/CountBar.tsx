import { useTranslation } from 'react-i18next';
import type { LeafCounts } from '../../../shared/contract';

/** A node's leaves as a tiny bar (approved, proposed, unmapped from the reading side) and the numbers. */
export function CountBar({ counts }: { counts: LeafCounts }) {
  const { t } = useTranslation('hierarchy');
  const proposed = counts.mapped - counts.approved;
  const total = Math.max(1, counts.approved + proposed + counts.unmapped);
  const label = t('counts.label', {
    mapped: counts.mapped,
    approved: counts.approved,
    unmapped: counts.unmapped,
  });
  return (
    <span className="count-bar" title={label} aria-label={label} role="img">
      <span className="count-track" aria-hidden="true">
        <span className="seg approved" style={{ width: `${(counts.approved / total) * 100}%` }} />
        <span className="seg proposed" style={{ width: `${(proposed / total) * 100}%` }} />
        <span className="seg unmapped" style={{ width: `${(counts.unmapped / total) * 100}%` }} />
      </span>
      <span className="count-numbers" aria-hidden="true">
        <bdi dir="ltr" className="n mapped">
          {counts.mapped}
        </bdi>
        <bdi dir="ltr" className="n approved">
          {counts.approved}
        </bdi>
        <bdi dir="ltr" className="n unmapped">
          {counts.unmapped}
        </bdi>
      </span>
    </span>
  );
}
