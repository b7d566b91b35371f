import { useTranslation } from 'react-i18next';
import '../approval/approval.css';
import type { ReviewState } from '../../../shared/domain/crosswalk/approval';

const ICONS: Record<ReviewState, string> = {
  proposed: '○',
  half_approved: '◐',
  approved: '✓',
  rejected: '✕',
  needs_discussion: '?',
};

/**
 * Status as a coloured chip that also carries the word and a symbol, never colour alone;
 * 'half_approved' is a proposed mapping one agency approved (reviewState).
 */
export function StatusChip({ status }: { status: ReviewState | null }) {
  const { t } = useTranslation('crosswalks');
  if (!status) return <span className="status-chip unmapped">{t('status.unmapped')}</span>;
  return (
    <span className={`status-chip ${status}`} data-status={status}>
      <span aria-hidden>{ICONS[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
