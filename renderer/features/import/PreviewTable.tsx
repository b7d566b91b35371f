import { useTranslation } from 'react-i18next';
import type { ColumnWarning, Preview } from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';

interface Props {
  preview: Preview;
  /** Column header → the field it is mapped to (if any). */
  mappedTo: Map<string, string>;
  /** Headers holding codes: shown left to right in monospace, exactly as decoded. */
  codeColumns: Set<string>;
}

/** The first decoded rows, as the host read them: nothing trimmed, nothing reformatted. */
export function PreviewTable({ preview, mappedTo, codeColumns }: Props) {
  const { t } = useTranslation('import');
  const warningsBy = new Map<string, ColumnWarning[]>();
  for (const w of preview.warnings)
    warningsBy.set(w.column, [...(warningsBy.get(w.column) ?? []), w]);
  return (
    <div className="import-preview">
      <p className="muted" data-testid="import-row-count">
        {t('preview.showing', { shown: preview.rows.length, total: preview.totalRows })}
      </p>
      <div className="import-preview-scroll">
        <table data-testid="import-preview-table">
          <thead>
            <tr>
              <th className="rownum">#</th>
              {preview.headers.map((h, i) => {
                const warns = warningsBy.get(h);
                const field = mappedTo.get(h);
                return (
                  <th
                    key={i}
                    className={warns ? 'warned' : undefined}
                    data-testid="import-preview-header"
                    title={warns
                      ?.map((w) => t(`warnings.${w.kind}`, { count: w.count }))
                      .join('\n')}
                  >
                    <bdi>{h}</bdi>
                    {warns && (
                      <span className="warn-badge" aria-label={t('warnings.columnFlagged')}>
                        ⚠
                      </span>
                    )}
                    {field && <span className="field-tag">{t(`field.${field}`)}</span>}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                <td className="rownum">
                  <Ltr>{r + 1}</Ltr>
                </td>
                {preview.headers.map((h, c) => {
                  const value = row[c] ?? '';
                  return codeColumns.has(h) ? (
                    <td
                      key={c}
                      dir="ltr"
                      className={warningsBy.has(h) ? 'code cell warned' : 'code cell'}
                    >
                      {value}
                    </td>
                  ) : (
                    <td key={c} dir="auto" className={warningsBy.has(h) ? 'cell warned' : 'cell'}>
                      {value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
