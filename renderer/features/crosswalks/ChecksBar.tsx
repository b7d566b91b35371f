import { useTranslation } from 'react-i18next';
import { CHECK_KINDS } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from './crosswalk-store';
import { gridHandle } from './grid-handle';

/** Live checks; each one is a toggle that filters the grid to the rows it found. */
export function ChecksBar() {
  const { t } = useTranslation('crosswalks');
  const checks = useCrosswalks((s) => s.checks);
  const active = useCrosswalks((s) => s.filter.check);
  const toggle = useCrosswalks((s) => s.toggleCheck);
  return (
    <div className="checks-bar" role="group" aria-label={t('checks.title')}>
      <span className="bar-label">{t('checks.title')}</span>
      {CHECK_KINDS.map((kind) => {
        const count = checks?.[kind];
        const problem = (count ?? 0) > 0;
        return (
          <button
            key={kind}
            className={`check-button${problem ? ' problem' : ' clean'}${active === kind ? ' active' : ''}`}
            aria-pressed={active === kind}
            onClick={() => {
              gridHandle.focusAfterReload();
              toggle(kind);
            }}
            title={active === kind ? t('checks.clearHint') : t('checks.filterHint')}
            data-testid={`check-${kind}`}
          >
            <span aria-hidden>{problem ? '⚠' : '✓'}</span> {t(`checks.${kind}`)}{' '}
            <span className="check-count" data-testid={`check-count-${kind}`}>
              <Ltr>{count === undefined ? '…' : count.toLocaleString()}</Ltr>
            </span>
          </button>
        );
      })}
    </div>
  );
}
