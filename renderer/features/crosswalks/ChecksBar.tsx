import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_KINDS } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';
import { loadChecks } from './review-actions';

/** Live checks; each one is a toggle that filters the grid to the rows it found. */
export function ChecksBar() {
  const { t } = useTranslation('crosswalks');
  const checks = useCrosswalks((s) => s.checks);
  const active = useCrosswalks((s) => s.filter.check);
  const toggle = useCrosswalks((s) => s.toggleCheck);
  const crosswalkId = useCrosswalks((s) => s.crosswalkId);
  const unknown = checks === null;
  // Whatever cleared the counts (another crosswalk picked, the same one picked again after its
  // counts arrived, a screen shown again), the bar fetches them again itself.
  useEffect(() => {
    if (crosswalkId && unknown) void loadChecks();
  }, [crosswalkId, unknown]);
  return (
    <div className="checks-bar" role="group" aria-label={t('checks.title')}>
      <span className="bar-label">{t('checks.title')}</span>
      {CHECK_KINDS.map((kind) => {
        const count = checks?.[kind];
        const state = count === undefined ? 'unknown' : count > 0 ? 'problem' : 'clean';
        return (
          <button
            key={kind}
            className={`check-button ${state}${active === kind ? ' active' : ''}`}
            data-state={state}
            aria-pressed={active === kind}
            onClick={() => {
              gridHandle.focusAfterReload();
              toggle(kind);
            }}
            title={active === kind ? t('checks.clearHint') : t('checks.filterHint')}
            data-testid={`check-${kind}`}
          >
            {state !== 'unknown' && <span aria-hidden>{state === 'problem' ? '⚠' : '✓'}</span>}{' '}
            {t(`checks.${kind}`)}{' '}
            <span className="check-count" data-testid={`check-count-${kind}`}>
              <Ltr>{count === undefined ? '…' : count.toLocaleString()}</Ltr>
            </span>
          </button>
        );
      })}
    </div>
  );
}
