import { useTranslation } from 'react-i18next';
import { CROSSWALK_FIELDS, SCHEME_FIELDS } from '../../../shared/contract';

export type ImportKind = 'scheme' | 'crosswalk';
export type ColumnChoice = Record<string, string>;

export const REQUIRED_FIELDS: Record<ImportKind, readonly string[]> = {
  scheme: ['code'],
  crosswalk: ['sourceCode', 'targetCode'],
};
export const CODE_FIELDS: readonly string[] = ['code', 'parentCode', 'sourceCode', 'targetCode'];
export const fieldsOf = (kind: ImportKind): readonly string[] =>
  kind === 'scheme' ? SCHEME_FIELDS : CROSSWALK_FIELDS;

interface Props {
  kind: ImportKind;
  headers: string[];
  columns: ColumnChoice;
  onChange(columns: ColumnChoice): void;
}

/** For each field Gesher knows, which of the file's columns holds it. */
export function ColumnMapping({ kind, headers, columns, onChange }: Props) {
  const { t } = useTranslation('import');
  const required = REQUIRED_FIELDS[kind];
  return (
    <fieldset className="import-mapping" data-testid="import-mapping">
      <legend>{t('mapping.title')}</legend>
      <p className="muted">{t('mapping.intro')}</p>
      <div className="import-mapping-grid">
        {fieldsOf(kind).map((field) => {
          const isRequired = required.includes(field);
          const missing = isRequired && !columns[field];
          return (
            <label key={field} className={missing ? 'missing' : undefined}>
              <span>
                {t(`field.${field}`)}
                {isRequired && (
                  <span
                    className="required"
                    aria-label={t('mapping.required')}
                    title={t('mapping.required')}
                  >
                    {' *'}
                  </span>
                )}
              </span>
              <select
                data-testid={`import-field-${field}`}
                value={columns[field] ?? ''}
                required={isRequired}
                aria-invalid={missing || undefined}
                onChange={(e) => {
                  const next = { ...columns };
                  if (e.target.value) next[field] = e.target.value;
                  else delete next[field];
                  onChange(next);
                }}
              >
                <option value="">{t('mapping.none')}</option>
                {headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
