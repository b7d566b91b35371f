import { useTranslation } from 'react-i18next';
import {
  DELIMITERS,
  ENCODINGS,
  type Delimiter,
  type Encoding,
  type Preview,
  type ReadOptions,
} from '../../../shared/contract';
import { Ltr } from '../../ui/Bidi';

const DELIMITER_KEYS: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};

interface Props {
  preview: Preview;
  options: ReadOptions;
  onChange(options: ReadOptions): void;
}

/** What the host detected about the file, each with a control to override it; a change re-runs the preview. */
export function ReadOptionsBar({ preview, options, onChange }: Props) {
  const { t } = useTranslation('import');
  const { detected } = preview;
  const encoding = options.encoding ?? detected.encoding ?? '';
  const delimiter = options.delimiter ?? detected.delimiter ?? '';
  const sheet = options.sheet ?? detected.sheet ?? '';
  const isText = preview.format !== 'xlsx';
  return (
    <div className="import-options" role="group" aria-label={t('options.label')}>
      {isText && (
        <label>
          {t('options.encoding')}
          <select
            data-testid="import-encoding"
            value={encoding}
            onChange={(e) => onChange({ ...options, encoding: e.target.value as Encoding })}
          >
            {ENCODINGS.map((enc) => (
              <option key={enc} value={enc}>
                {t(`encoding.${enc}`)}
                {enc === detected.encoding ? ` · ${t('options.detected')}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {isText && (
        <label>
          {t('options.delimiter')}
          <select
            data-testid="import-delimiter"
            value={delimiter}
            onChange={(e) => onChange({ ...options, delimiter: e.target.value as Delimiter })}
          >
            {DELIMITERS.map((d) => (
              <option key={d} value={d}>
                {t(`delimiter.${DELIMITER_KEYS[d]}`)}
                {d === detected.delimiter ? ` · ${t('options.detected')}` : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {detected.sheets.length > 0 && (
        <label>
          {t('options.sheet')}
          <select
            data-testid="import-sheet"
            value={sheet}
            onChange={(e) => onChange({ ...options, sheet: e.target.value })}
          >
            {detected.sheets.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {t('options.skipRows')}
        <input
          data-testid="import-skip-rows"
          type="number"
          min={0}
          max={1000}
          value={options.skipRows ?? 0}
          onChange={(e) => {
            const n = Math.max(0, Math.min(1000, Math.trunc(Number(e.target.value) || 0)));
            onChange({ ...options, skipRows: n });
          }}
        />
      </label>
      <span className="import-detected muted" data-testid="import-detected">
        {t(`format.${preview.format}`)}
        {isText && detected.encoding && (
          <>
            {' · '}
            {t('options.detectedEncoding')} <Ltr>{t(`encoding.${detected.encoding}`)}</Ltr>
          </>
        )}
        {isText && (
          <>
            {' · '}
            {detected.hadBom ? t('options.bom') : t('options.noBom')}
          </>
        )}
      </span>
    </div>
  );
}
