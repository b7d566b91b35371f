import './approval.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyAgreement } from '../../../shared/contract';
import { percentText } from '../../../shared/domain/text/percent';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { gridHandle } from '../crosswalks/grid-handle';
import { loadCrosswalkList } from '../crosswalks/review-actions';

/**
 * Blind mode (a lead switches it) and, while it is on, the agreement between the agencies over
 * the mappings both decided: Cohen's kappa and the disagreements to adjudicate (a grid filter).
 */
export function AgreementBar({ crosswalkId }: { crosswalkId: string }) {
  const { t } = useTranslation('approval');
  const blind = useCrosswalks((s) => s.crosswalks?.find((c) => c.id === crosswalkId)?.blindMode);
  const revision = useCrosswalks((s) => s.revision);
  const onlyDisagreements = useCrosswalks((s) => !!s.filter.disagreements);
  const patch = useCrosswalks((s) => s.patchFilter);
  const lead = useApp((s) => s.steward?.role === 'lead');
  const [agreement, setAgreement] = useState<AgencyAgreement | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!blind) return;
    let live = true;
    rpc
      .call('crosswalks.agreement', { crosswalkId })
      .then((a) => live && setAgreement(a))
      .catch((e: unknown) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [crosswalkId, blind, revision]);

  if (!blind && !lead) return null;
  const toggle = async () => {
    try {
      setError(null);
      await rpc.call('crosswalks.setBlindMode', { crosswalkId, on: !blind });
      await loadCrosswalkList();
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="agreement-bar" data-testid="agreement-bar">
      {lead ? (
        <label title={t('blind.hint')}>
          <input
            type="checkbox"
            checked={!!blind}
            onChange={() => void toggle()}
            data-testid="blind-mode-toggle"
          />{' '}
          {t('blind.toggle')}
        </label>
      ) : (
        <span className="blind-badge" title={t('blind.hint')}>
          {t('blind.on')}
        </span>
      )}
      {blind && agreement && (
        <>
          <span className="kappa" data-testid="kappa" title={t('agreement.kappaHint')}>
            {t('agreement.kappa')}{' '}
            {agreement.kappa !== null ? (
              <Ltr>{`κ = ${agreement.kappa.toFixed(2)}`}</Ltr>
            ) : agreement.n > 0 ? (
              // Both agencies gave every mapping the same one decision: chance agreement is total.
              <span data-testid="kappa-undefined">{t('agreement.kappaUndefined')}</span>
            ) : (
              <Ltr>—</Ltr>
            )}
          </span>
          <span className="muted" data-testid="agreement-n">
            {agreement.n === 0
              ? t('agreement.none')
              : t('agreement.over', {
                  count: agreement.n,
                  agreed: agreement.agreed,
                  percent: percentText(agreement.observed ?? 0),
                })}
          </span>
          {agreement.disagreements > 0 && (
            <button
              className={`toggle${onlyDisagreements ? ' on' : ''}`}
              aria-pressed={onlyDisagreements}
              data-testid="filter-disagreements"
              onClick={() => {
                gridHandle.focusAfterReload();
                patch({ disagreements: onlyDisagreements ? undefined : true });
              }}
            >
              {t('agreement.disagreements', { count: agreement.disagreements })}
            </button>
          )}
        </>
      )}
      {error && (
        <span className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
