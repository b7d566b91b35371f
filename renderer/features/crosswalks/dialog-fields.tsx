import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_LENGTH, RELATIONS, type Relation } from '../../../shared/contract';
import { TextLimit } from './TextLimit';

/** Parses the share field: empty means "no share", otherwise a number between 0 and 1 (comma or dot). */
export function parseShare(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 'invalid';
}

/** The relation select of the decision and add-mapping dialogs; `keepLabel` offers "leave as is" (bulk edits). */
export function RelationField(props: {
  value: Relation | '';
  onChange(relation: Relation | ''): void;
  testId: string;
  keepLabel?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('crosswalks');
  return (
    <label className="field">
      {t('col.relation')}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as Relation | '')}
        data-autofocus={props.autoFocus || undefined}
        data-testid={props.testId}
      >
        {props.keepLabel !== undefined && <option value="">{props.keepLabel}</option>}
        {RELATIONS.map((r) => (
          <option key={r} value={r}>
            {t(`relation.${r}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The share input (0–1, comma or dot), with its error when the text is not a share. */
export function ShareField(props: {
  value: string;
  onChange(text: string): void;
  testId: string;
  placeholder?: string;
}) {
  const { t } = useTranslation('crosswalks');
  return (
    <label className="field">
      {t('col.share')}
      <input
        dir="ltr"
        inputMode="decimal"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder ?? '0–1'}
        data-testid={props.testId}
      />
      {parseShare(props.value) === 'invalid' && (
        <span className="error">{t('dialog.shareInvalid')}</span>
      )}
    </label>
  );
}

export function CommentField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useTranslation('crosswalks');
  return (
    <label className="field">
      {t('dialog.comment')}
      <textarea
        rows={3}
        maxLength={COMMENT_MAX_LENGTH}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="dialog-comment"
      />
      <TextLimit length={value.length} />
    </label>
  );
}
