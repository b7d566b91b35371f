import './hierarchy.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoverageGroup, ProgressDay } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { DayBars } from '../../ui/charts/DayBars';
import { StackedBars } from '../../ui/charts/StackedBars';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { pickTitle, uiLanguage } from '../crosswalks/titles';
import { useHierarchy } from './hierarchy-store';

function useProgress(crosswalkId: string, enabled: boolean, revision: number) {
  const [data, setData] = useState<{ coverage: CoverageGroup[]; days: ProgressDay[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    Promise.all([
      rpc.call('hierarchy.coverage', { crosswalkId }),
      rpc.call('hierarchy.progress', { crosswalkId }),
    ]).then(
      ([coverage, days]) => {
        if (!live) return;
        setData({ coverage, days });
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [crosswalkId, enabled, revision]);
  return { data, error };
}

/** Coverage per major group of the source scheme and decisions per day, as charts with their numbers. */
export function ProgressPanel({ crosswalkId }: { crosswalkId: string }) {
  const { t, i18n } = useTranslation('hierarchy');
  const lang = uiLanguage(i18n.language);
  const dir = lang === 'he' ? 'rtl' : 'ltr';
  const open = useHierarchy((s) => s.progressOpen);
  const revision = useCrosswalks((s) => s.revision);
  const { data, error } = useProgress(crosswalkId, open, revision);
  if (!open) return null;

  const total = (data?.coverage ?? []).reduce(
    (a, g) => ({
      approved: a.approved + g.approved,
      proposed: a.proposed + g.proposed,
      unmapped: a.unmapped + g.unmapped,
    }),
    { approved: 0, proposed: 0, unmapped: 0 },
  );
  const seg = (key: 'approved' | 'proposed' | 'unmapped', value: number) => ({
    key,
    label: t(`progress.${key}`),
    value,
    className: key,
  });

  return (
    <section
      className="progress-panel"
      aria-label={t('progress.label')}
      data-testid="progress-panel"
    >
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p className="muted">{t('common:loading')}</p>}
      {data && (
        <>
          <div className="progress-coverage">
            <StackedBars
              title={t('progress.coverage')}
              dir={dir}
              testId="coverage-chart"
              rows={data.coverage.map((g) => {
                const title = pickTitle(lang, g.titleHe, g.titleEn);
                return {
                  key: g.code,
                  code: g.code,
                  label: title?.text ?? '',
                  labelDir: title?.lang === 'he' ? 'rtl' : 'ltr',
                  segments: [
                    seg('approved', g.approved),
                    seg('proposed', g.proposed),
                    seg('unmapped', g.unmapped),
                  ],
                };
              })}
            />
            <p className="muted progress-total" data-testid="coverage-total">
              {t('progress.total', total)}
            </p>
          </div>
          <div className="progress-days">
            {data.days.length === 0 ? (
              <>
                <div className="chart-title">{t('progress.decisions')}</div>
                <p className="muted">{t('progress.noDecisions')}</p>
              </>
            ) : (
              <DayBars
                title={t('progress.decisions')}
                caption={t('progress.day')}
                dir={dir}
                testId="progress-chart"
                days={data.days.map((d) => ({
                  day: d.day,
                  values: {
                    approved: d.approved,
                    rejected: d.rejected,
                    needs_discussion: d.needs_discussion,
                  },
                }))}
                series={(['approved', 'rejected', 'needs_discussion'] as const).map((k) => ({
                  key: k,
                  label: t(`progress.${k}`),
                  className: k,
                }))}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}
