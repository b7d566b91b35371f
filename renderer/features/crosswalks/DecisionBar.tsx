import { useTranslation } from 'react-i18next';
import { useApp } from '../../app/app-store';
import { Ltr } from '../../ui/Bidi';
import { decisionTargets, useCrosswalks, type DialogKind } from './crosswalk-store';
import { gridHandle } from './grid-handle';
import { decide, redo, undo } from './review-actions';

function SaveStatus() {
  const { t } = useTranslation('crosswalks');
  const save = useCrosswalks((s) => s.save);
  return (
    <span
      className={`save-status ${save.kind}`}
      role="status"
      aria-live="polite"
      data-testid="save-status"
      data-state={save.kind}
    >
      {save.kind === 'saving' && t('save.saving')}
      {save.kind === 'saved' && `✓ ${t(`save.${save.what}`, { count: save.count })}`}
      {save.kind === 'error' && save.text}
    </span>
  );
}

/** Decision buttons; each shows its key, and acts on the selection or else the focused row. */
export function DecisionBar() {
  const { t, i18n } = useTranslation('crosswalks');
  const arrow = i18n.language === 'he' ? '←' : '→';
  const viewer = useApp((s) => s.steward?.role === 'viewer');
  const targets = useCrosswalks((s) => decisionTargets(s).length);
  const selected = useCrosswalks((s) => s.selected.length);
  const focused = useCrosswalks((s) => s.focused);
  const { canUndo, canRedo } = useCrosswalks((s) => s.undo);
  const open = (dialog: DialogKind) => useCrosswalks.getState().openDialog(dialog);
  // Writes are queued in order, so buttons stay usable while an earlier one saves.
  const none = viewer || targets === 0;
  const after = () => gridHandle.focus();

  const button = (
    id: string,
    label: string,
    key: string,
    onClick: () => void,
    disabled: boolean,
    className = '',
  ) => (
    <button
      className={`decision ${className}`}
      data-testid={`decide-${id}`}
      title={`${label} (${key})`}
      disabled={disabled}
      onClick={onClick}
    >
      {label} <kbd>{key}</kbd>
    </button>
  );

  return (
    <div className="decision-bar" role="toolbar" aria-label={t('decide.toolbar')}>
      <span className="targets" data-testid="decision-targets">
        {selected > 0 ? (
          <>
            {t('decide.selected', { count: selected })}{' '}
            <button className="link" onClick={() => gridHandle.clearSelection()}>
              {t('decide.clearSelection')} <kbd>Esc</kbd>
            </button>
          </>
        ) : focused ? (
          focused.mappingId === null ? (
            <>
              <Ltr className="code">{focused.sourceCode}</Ltr> · {t('decide.unmappedRow')}
            </>
          ) : (
            <>
              <Ltr className="code">{focused.sourceCode}</Ltr> {arrow}{' '}
              <Ltr className="code">{focused.targetCode}</Ltr>
            </>
          )
        ) : (
          <span className="muted">{t('decide.nothing')}</span>
        )}
      </span>
      {button(
        'approve',
        t('decide.approve'),
        'A',
        () => void decide({ status: 'approved' }).then(after),
        none,
        'approve',
      )}
      {button(
        'reject',
        t('decide.reject'),
        'R',
        () => void decide({ status: 'rejected' }).then(after),
        none,
        'reject',
      )}
      {button(
        'discuss',
        t('decide.discuss'),
        'D',
        () => void decide({ status: 'needs_discussion' }).then(after),
        none,
        'discuss',
      )}
      <span className="sep" aria-hidden />
      {button('edit', t('decide.edit'), 'E', () => open('edit'), none)}
      {button('comment', t('decide.comment'), 'C', () => open('comment'), none)}
      {button('add', t('decide.add'), 'N', () => open('add'), viewer)}
      {button('remove', t('decide.remove'), 'Del', () => open('remove'), none, 'remove')}
      <span className="sep" aria-hidden />
      {button(
        'undo',
        t('decide.undo'),
        'Ctrl+Z',
        () => void undo().then(after),
        viewer || !canUndo,
      )}
      {button(
        'redo',
        t('decide.redo'),
        'Ctrl+Y',
        () => void redo().then(after),
        viewer || !canRedo,
      )}
      <SaveStatus />
    </div>
  );
}
