import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONS, type Relation } from '../../../shared/contract';
import { decisionTargets, useCrosswalks } from './crosswalk-store';
import { Modal } from './Modal';
import { decide, removeMappings } from './review-actions';
import { formatShare } from './titles';

const close = () => useCrosswalks.getState().openDialog(null);

/** Parses the share field: empty means "no share", otherwise a number between 0 and 1 (comma or dot). */
export function parseShare(text: string): number | null | 'invalid' {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 'invalid';
}

function TargetsNote() {
  const { t } = useTranslation('crosswalks');
  const count = useCrosswalks((s) => decisionTargets(s).length);
  return <p className="muted">{t('dialog.appliesTo', { count })}</p>;
}

function CommentField({ value, onChange }: { value: string; onChange(v: string): void }) {
  const { t } = useTranslation('crosswalks');
  return (
    <label className="field">
      {t('dialog.comment')}
      <textarea
        rows={3}
        maxLength={4000}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid="dialog-comment"
      />
    </label>
  );
}

export function EditDialog() {
  const { t } = useTranslation('crosswalks');
  const focused = useCrosswalks((s) => s.focused);
  const bulk = useCrosswalks((s) => s.selected.length > 1);
  const [relation, setRelation] = useState<Relation | ''>(bulk ? '' : (focused?.relation ?? ''));
  const [share, setShare] = useState(bulk ? '' : formatShare(focused?.share));
  const [comment, setComment] = useState('');
  const parsed = parseShare(share);
  const submit = async () => {
    if (parsed === 'invalid') return;
    const ok = await decide({
      relation: relation || undefined,
      share: bulk && share.trim() === '' ? undefined : parsed,
      comment,
    });
    if (ok) close();
  };
  return (
    <Modal title={t('dialog.editTitle')} testId="edit-dialog">
      <TargetsNote />
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {t('col.relation')}
          <select
            value={relation}
            onChange={(e) => setRelation(e.target.value as Relation | '')}
            data-autofocus
            data-testid="edit-relation"
          >
            {bulk && <option value="">{t('dialog.keep')}</option>}
            {RELATIONS.map((r) => (
              <option key={r} value={r}>
                {t(`relation.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('col.share')}
          <input
            dir="ltr"
            inputMode="decimal"
            value={share}
            onChange={(e) => setShare(e.target.value)}
            placeholder={bulk ? t('dialog.keep') : '0–1'}
            data-testid="edit-share"
          />
          {parsed === 'invalid' && <span className="error">{t('dialog.shareInvalid')}</span>}
        </label>
        <CommentField value={comment} onChange={setComment} />
        <div className="dialog-actions">
          <button
            type="submit"
            className="primary"
            disabled={parsed === 'invalid'}
            data-testid="edit-save"
          >
            {t('common:actions.save')}
          </button>
          <button type="button" onClick={close}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function CommentDialog() {
  const { t } = useTranslation('crosswalks');
  const [comment, setComment] = useState('');
  const run = async (status?: 'approved' | 'rejected' | 'needs_discussion') => {
    if (!status && !comment.trim()) return;
    if (await decide({ status, comment })) close();
  };
  return (
    <Modal title={t('dialog.commentTitle')} testId="comment-dialog">
      <TargetsNote />
      <CommentField value={comment} onChange={setComment} />
      <div className="dialog-actions">
        <button
          className="primary"
          disabled={!comment.trim()}
          onClick={() => void run()}
          data-testid="comment-save"
        >
          {t('dialog.saveComment')}
        </button>
        <button onClick={() => void run('approved')}>{t('dialog.withApprove')}</button>
        <button onClick={() => void run('rejected')}>{t('dialog.withReject')}</button>
        <button onClick={() => void run('needs_discussion')}>{t('dialog.withDiscuss')}</button>
        <button onClick={close}>{t('common:actions.cancel')}</button>
      </div>
    </Modal>
  );
}

export function RemoveDialog() {
  const { t } = useTranslation('crosswalks');
  const [comment, setComment] = useState('');
  return (
    <Modal title={t('dialog.removeTitle')} testId="remove-dialog">
      <TargetsNote />
      <CommentField value={comment} onChange={setComment} />
      <div className="dialog-actions">
        <button
          className="danger"
          data-testid="remove-confirm"
          onClick={() => void removeMappings(comment).then((ok) => ok && close())}
        >
          {t('dialog.removeConfirm')}
        </button>
        <button onClick={close}>{t('common:actions.cancel')}</button>
      </div>
    </Modal>
  );
}
