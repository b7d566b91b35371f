import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Steward } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';

/** An ISO date typed as text (YYYY-MM-DD, left to right); empty leaves the version open on that side. */
function DateField(props: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  disabled: boolean;
}) {
  return (
    <label className="field">
      {props.label}
      <input
        name={props.name}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder="YYYY-MM-DD"
        pattern="\d{4}-\d{2}-\d{2}"
        dir="ltr"
        disabled={props.disabled}
      />
    </label>
  );
}

/** Freezes the draft as the next numbered version; only a lead may, and the host enforces it. */
export function FreezeForm({
  crosswalkId,
  steward,
  nextNumber,
  onFrozen,
}: {
  crosswalkId: string;
  steward: Steward | null;
  nextNumber: number;
  onFrozen: () => void;
}) {
  const { t } = useTranslation('versions');
  const [note, setNote] = useState('');
  const [validFrom, setValidFrom] = useState('');
  const [validTo, setValidTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isLead = steward?.role === 'lead';

  const freeze = async () => {
    setBusy(true);
    setError(null);
    try {
      await rpc.call('versions.freeze', {
        crosswalkId,
        note: note.trim() || undefined,
        validFrom: validFrom || undefined,
        validTo: validTo || undefined,
      });
      setNote('');
      onFrozen();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="version-freeze"
      data-testid="version-freeze-form"
      onSubmit={(e) => {
        e.preventDefault();
        void freeze();
      }}
    >
      <div className="field-row">
        <label className="field">
          {t('freeze.note')}
          <input
            name="note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            disabled={!isLead}
            dir="auto"
          />
        </label>
        <DateField
          label={t('freeze.validFrom')}
          name="validFrom"
          value={validFrom}
          onChange={setValidFrom}
          disabled={!isLead}
        />
        <DateField
          label={t('freeze.validTo')}
          name="validTo"
          value={validTo}
          onChange={setValidTo}
          disabled={!isLead}
        />
      </div>
      <div className="dialog-actions">
        <button
          type="submit"
          className="primary"
          data-testid="version-freeze"
          disabled={busy || !isLead}
          title={isLead ? t('freeze.hint') : t('freeze.leadOnly')}
        >
          {t('freeze.button', { number: nextNumber })}
        </button>
        {!isLead && (
          <span className="muted" data-testid="freeze-reason">
            {t('freeze.leadOnly')}
          </span>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
