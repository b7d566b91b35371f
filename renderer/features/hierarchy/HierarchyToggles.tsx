import { useTranslation } from 'react-i18next';
import { useHierarchy } from './hierarchy-store';

function Toggle(props: {
  on: boolean;
  label: string;
  hint: string;
  testId: string;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={`toggle${props.on ? ' on' : ''}`}
      aria-pressed={props.on}
      title={props.hint}
      data-testid={props.testId}
      onClick={props.onClick}
    >
      {props.label}
    </button>
  );
}

/** The buttons on the crosswalk screen that show the hierarchy trees and the progress panel. */
export function HierarchyToggles() {
  const { t } = useTranslation('hierarchy');
  const treesOpen = useHierarchy((s) => s.treesOpen);
  const progressOpen = useHierarchy((s) => s.progressOpen);
  const toggleTrees = useHierarchy((s) => s.toggleTrees);
  const toggleProgress = useHierarchy((s) => s.toggleProgress);
  return (
    <div className="toggle-group hierarchy-toggles" role="group">
      <Toggle
        on={treesOpen}
        label={t('toggle.trees')}
        hint={t('toggle.treesHint')}
        testId="toggle-hierarchy"
        onClick={toggleTrees}
      />
      <Toggle
        on={progressOpen}
        label={t('toggle.progress')}
        hint={t('toggle.progressHint')}
        testId="toggle-progress"
        onClick={toggleProgress}
      />
    </div>
  );
}
