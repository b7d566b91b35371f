import { useTranslation } from 'react-i18next';
import type { MappingStatus } from '../../../shared/contract';

const ICONS: Record<MappingStatus, string> = {
  proposed: '○',
  approved: '✓',
  rejected: '✕',
  needs_discussion: '?',
};

/** Status as a coloured chip that also carries the word and a symbol, never colour alone. */
export function StatusChip({ status }: { status: MappingStatus | null }) {
  const { t } = useTranslation('crosswalks');
  if (!status) return <span className="status-chip unmapped">{t('status.unmapped')}</span>;
  return (
    <span className={`status-chip ${status}`} data-status={status}>
      <span aria-hidden>{ICONS[status]}</span> {t(`status.${status}`)}
    </span>
  );
}
