import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relation } from '../../../shared/contract';
import { decisionTargets, useCrosswalks } from './crosswalk-store';
import { CommentField, parseShare, RelationField, ShareField } from './dialog-fields';
import { Modal } from './Modal';
import { decide, removeMappings } from './review-actions';
import { formatShare } from './titles';

const close = () => useCrosswalks.getState().openDialog(null);

function TargetsNote() {
  const { t } = useTranslation('crosswalks');
  const count = useCrosswalks((s) => decisionTargets(s).length);
  return <p className="muted">{t('dialog.appliesTo', { count })}</p>;
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
        <RelationField
          value={relation}
          onChange={setRelation}
          testId="edit-relation"
          keepLabel={bulk ? t('dialog.keep') : undefined}
          autoFocus
        />
        <ShareField
          value={share}
          onChange={setShare}
          testId="edit-share"
          placeholder={bulk ? t('dialog.keep') : undefined}
        />
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
