import { useTranslation } from 'react-i18next';
import type { JobState } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';

/** Rows done of total and the phase the host reports, with a way to stop. */
export function JobProgress({
  job,
  onCancel,
  cancelling,
}: {
  job: JobState | null;
  onCancel(): void;
  cancelling: boolean;
}) {
  const { t, i18n } = useTranslation('import');
  const fmt = new Intl.NumberFormat(i18n.language === 'he' ? 'he-IL' : 'en-US');
  const done = job?.done ?? 0;
  const total = job?.total ?? null;
  const phase = job?.phase ?? 'starting';
  return (
    <section className="import-progress card" data-testid="import-progress" aria-live="polite">
      <h3>{t('progress.title')}</h3>
      <p>
        {t('progress.phase')}:{' '}
        <strong data-testid="import-phase">{t(`phase.${phase}`, { defaultValue: phase })}</strong>
      </p>
      {total !== null && total > 0 ? (
        <progress max={total} value={Math.min(done, total)} aria-label={t('progress.title')} />
      ) : (
        <progress aria-label={t('progress.title')} />
      )}
      <p data-testid="import-progress-rows">
        {total !== null ? (
          <>
            <Ltr>{fmt.format(done)}</Ltr> / <Ltr>{fmt.format(total)}</Ltr> {t('progress.rows')}
          </>
        ) : (
          <>
            <Ltr>{fmt.format(done)}</Ltr> {t('progress.rows')}
          </>
        )}
      </p>
      <button data-testid="import-cancel" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('progress.cancelling') : t('progress.cancel')}
      </button>
    </section>
  );
}
