import { useTranslation } from 'react-i18next';
import { MAPPING_STATUSES } from '../../../shared/contract';

/** The summary counts in the order the status filter lists them: half approved apart from proposed. */
const COUNTED = [MAPPING_STATUSES[0], 'half_approved', ...MAPPING_STATUSES.slice(1)] as const;
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from './crosswalk-store';
import { uiLanguage } from './titles';

/** Which crosswalk is under review, with its counts per status. */
export function CrosswalkPicker() {
  const { t, i18n } = useTranslation('crosswalks');
  const lang = uiLanguage(i18n.language);
  const crosswalks = useCrosswalks((s) => s.crosswalks ?? []);
  const crosswalkId = useCrosswalks((s) => s.crosswalkId);
  const select = useCrosswalks((s) => s.selectCrosswalk);
  const current = crosswalks.find((c) => c.id === crosswalkId);
  const name = (c: (typeof crosswalks)[number]) =>
    lang === 'he' ? c.nameHe || c.nameEn : c.nameEn || c.nameHe;

  return (
    <div className="crosswalk-picker">
      <label>
        <span className="visually-hidden">{t('picker.label')}</span>
        <select
          value={crosswalkId ?? ''}
          onChange={(e) => select(e.target.value)}
          dir="auto"
          title={current ? name(current) : undefined}
          data-testid="crosswalk-picker"
          aria-label={t('picker.label')}
        >
          {crosswalks.map((c) => (
            <option key={c.id} value={c.id} dir="auto">
              {name(c)}
            </option>
          ))}
        </select>
      </label>
      {current && (
        <ul className="status-counts" aria-label={t('picker.counts')} data-testid="status-counts">
          <li>
            {t('picker.total')} <Ltr className="count">{current.counts.total.toLocaleString()}</Ltr>
          </li>
          {COUNTED.map((s) => (
            <li key={s} className={`count-${s}`} data-testid={`count-${s}`}>
              <span className={`dot ${s}`} aria-hidden /> {t(`status.${s}`)}{' '}
              <Ltr className="count">{current.counts[s].toLocaleString()}</Ltr>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
