import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCIES, type Agency, type AuditFilter, type Steward } from '../../../shared/contract';
import { rpc } from '../../app/rpc';

export interface AuditFilterDraft {
  stewardId: string;
  agency: Agency | '';
  action: string;
  fromDate: string;
  toDate: string;
  text: string;
}

export const EMPTY_FILTER: AuditFilterDraft = {
  stewardId: '',
  agency: '',
  action: '',
  fromDate: '',
  toDate: '',
  text: '',
};

/** The form's values as the contract's filter; dates are whole local days. */
export function toAuditFilter(d: AuditFilterDraft): AuditFilter {
  const f: AuditFilter = {};
  if (d.stewardId) f.stewardId = d.stewardId;
  if (d.agency) f.agency = d.agency;
  if (d.action) f.action = d.action;
  if (d.fromDate) f.from = new Date(`${d.fromDate}T00:00:00`).toISOString();
  if (d.toDate) f.to = new Date(`${d.toDate}T23:59:59.999`).toISOString();
  if (d.text.trim()) f.text = d.text.trim();
  return f;
}

export function actionLabel(
  t: (key: string, opts?: Record<string, unknown>) => string,
  action: string,
): string {
  return t(`action.${action.replace(/\./g, '_')}`, { defaultValue: action });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/**
 * A day typed as ISO YYYY-MM-DD. The browser's date input shows the OS locale's order
 * (mm/dd/yyyy) whatever the page language, which misleads in Hebrew.
 */
function IsoDateInput({
  testId,
  value,
  onChange,
}: {
  testId: string;
  value: string;
  onChange(value: string): void;
}) {
  const { t } = useTranslation('audit');
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const invalid = text !== '' && !isIsoDate(text);
  return (
    <input
      type="text"
      inputMode="numeric"
      dir="ltr"
      size={11}
      maxLength={10}
      placeholder={t('filter.datePlaceholder')}
      data-testid={testId}
      value={text}
      aria-invalid={invalid}
      title={invalid ? t('filter.dateInvalid') : undefined}
      onChange={(e) => {
        const next = e.target.value.trim();
        setText(next);
        if (next === '' || isIsoDate(next)) onChange(next);
      }}
    />
  );
}

interface Props {
  draft: AuditFilterDraft;
  onChange(draft: AuditFilterDraft): void;
  /** Bumped when the log changes, so new actions and stewards show up in the lists. */
  revision: number;
}

export function AuditFilters({ draft, onChange, revision }: Props) {
  const { t } = useTranslation('audit');
  const [stewards, setStewards] = useState<Steward[]>([]);
  const [actions, setActions] = useState<string[]>([]);
  const [text, setText] = useState(draft.text);
  useEffect(() => {
    void rpc.call('profile.list', {}).then(setStewards, () => undefined);
    void rpc.call('audit.actions', {}).then(setActions, () => undefined);
  }, [revision]);
  // Free text is applied after a pause in typing, not on every key.
  useEffect(() => {
    if (text === draft.text) return;
    const timer = setTimeout(() => onChange({ ...draft, text }), 300);
    return () => clearTimeout(timer);
  }, [text, draft, onChange]);

  const set = (patch: Partial<AuditFilterDraft>) => onChange({ ...draft, ...patch });
  return (
    <form
      className="audit-filters"
      role="search"
      data-testid="audit-filters"
      onSubmit={(e) => e.preventDefault()}
    >
      <label>
        {t('filter.steward')}
        <select
          data-testid="audit-filter-steward"
          value={draft.stewardId}
          onChange={(e) => set({ stewardId: e.target.value })}
        >
          <option value="">{t('filter.all')}</option>
          {stewards.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.agency')}
        <select
          data-testid="audit-filter-agency"
          value={draft.agency}
          onChange={(e) => set({ agency: e.target.value as Agency | '' })}
        >
          <option value="">{t('filter.all')}</option>
          {AGENCIES.map((a) => (
            <option key={a} value={a}>
              {t(`common:agency.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.action')}
        <select
          data-testid="audit-filter-action"
          value={draft.action}
          onChange={(e) => set({ action: e.target.value })}
        >
          <option value="">{t('filter.all')}</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(t, a)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('filter.from')}
        <IsoDateInput
          testId="audit-filter-from"
          value={draft.fromDate}
          onChange={(v) => set({ fromDate: v })}
        />
      </label>
      <label>
        {t('filter.to')}
        <IsoDateInput
          testId="audit-filter-to"
          value={draft.toDate}
          onChange={(v) => set({ toDate: v })}
        />
      </label>
      <label className="audit-filter-text">
        {t('filter.text')}
        <input
          type="search"
          data-testid="audit-filter-text"
          value={text}
          placeholder={t('filter.textPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      <button
        type="button"
        data-testid="audit-filter-clear"
        onClick={() => {
          setText('');
          onChange(EMPTY_FILTER);
        }}
      >
        {t('filter.clear')}
      </button>
    </form>
  );
}
