import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-store';
import { useCrosswalks } from '../crosswalks/crosswalk-store';

/** Opens the discussion session for the crosswalk on screen; shows how many items wait. */
export function DiscussionButton() {
  const { t } = useTranslation('discussion');
  const count = useCrosswalks(
    (s) => s.crosswalks?.find((c) => c.id === s.crosswalkId)?.counts.needs_discussion ?? 0,
  );
  return (
    <button
      className="discussion-open"
      onClick={() => useApp.getState().setView('discussion')}
      data-testid="discussion-open"
    >
      {t('session.openCount', { count })}
    </button>
  );
}
