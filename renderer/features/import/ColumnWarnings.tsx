import { useTranslation } from 'react-i18next';
import type { ColumnWarning } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';

/** Columns that look mangled by Excel, said plainly with the values that gave them away. */
export function ColumnWarnings({ warnings }: { warnings: ColumnWarning[] }) {
  const { t } = useTranslation('import');
  if (warnings.length === 0) return null;
  return (
    <section
      className="import-warnings"
      role="alert"
      data-testid="import-warnings"
      aria-labelledby="import-warnings-title"
    >
      <h3 id="import-warnings-title">{t('warnings.title', { count: warnings.length })}</h3>
      <ul>
        {warnings.map((w) => (
          <li
            key={`${w.column}:${w.kind}`}
            data-testid="import-warning"
            data-column={w.column}
            data-kind={w.kind}
          >
            <strong>
              <bdi>{w.column}</bdi>
            </strong>
            {': '}
            {t(`warnings.${w.kind}`, { count: w.count })}
            {w.examples.length > 0 && (
              <span className="import-warning-examples">
                {' '}
                {t('warnings.examples')}{' '}
                {w.examples.map((ex, i) => (
                  <Ltr key={i} className="code example">
                    {ex}
                  </Ltr>
                ))}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t('warnings.advice')}</p>
    </section>
  );
}
