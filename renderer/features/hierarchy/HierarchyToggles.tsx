import { useTranslation } from 'react-i18next';
import { useHierarchy } from './hierarchy-store';

/** The buttons on the crosswalk screen that show the hierarchy trees and the progress panel. */
export function HierarchyToggles() {
  const { t } = useTranslation('hierarchy');
  const treesOpen = useHierarchy((s) => s.treesOpen);
  const progressOpen = useHierarchy((s) => s.progressOpen);
  const toggleTrees = useHierarchy((s) => s.toggleTrees);
  const toggleProgress = useHierarchy((s) => s.toggleProgress);
  return (
    <div className="toggle-group hierarchy-toggles" role="group">
      <button
        type="button"
        className={`toggle${treesOpen ? ' on' : ''}`}
        aria-pressed={treesOpen}
        title={t('toggle.treesHint')}
        data-testid="toggle-hierarchy"
        onClick={toggleTrees}
      >
        {t('toggle.trees')}
      </button>
      <button
        type="button"
        className={`toggle${progressOpen ? ' on' : ''}`}
        aria-pressed={progressOpen}
        title={t('toggle.progressHint')}
        data-testid="toggle-progress"
        onClick={toggleProgress}
      >
        {t('toggle.progress')}
      </button>
    </div>
  );
}
