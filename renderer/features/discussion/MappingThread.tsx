import './discussion.css';
import { useEffect, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX_LENGTH, type MappingComment } from '../../../shared/contract';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { LongText } from '../crosswalks/LongText';
import { StatusChip } from '../crosswalks/StatusChip';
import { TextLimit } from '../crosswalks/TextLimit';
import { uiLanguage } from '../crosswalks/titles';
import { formatThreadTime } from './thread-time';

function useThread(mappingId: number, revision: number) {
  const [state, setState] = useState<{ comments: MappingComment[] | null; error: string | null }>({
    comments: null,
    error: null,
  });
  const [own, setOwn] = useState(0);
  useEffect(() => {
    let live = true;
    rpc.call('comments.list', { mappingId }).then(
      (comments) => live && setState({ comments, error: null }),
      (e: unknown) => live && setState({ comments: null, error: errorText(e) }),
    );
    return () => {
      live = false;
    };
  }, [mappingId, revision, own]);
  return { ...state, reload: () => setOwn((n) => n + 1) };
}

function Entry({ comment }: { comment: MappingComment }) {
  const { t, i18n } = useTranslation('discussion');
  const lang = uiLanguage(i18n.language);
  return (
    <li className={`thread-entry kind-${comment.kind}`} data-testid="thread-entry">
      <div className="thread-meta">
        <strong dir="auto">{comment.stewardName}</strong>
        <span className="muted">{t(`common:agency.${comment.agency}`)}</span>
        <time dateTime={comment.at} className="muted">
          <Ltr>{formatThreadTime(comment.at, lang)}</Ltr>
        </time>
        {comment.kind === 'decision' && (
          <span className="thread-decision">
            {comment.status === 'needs_discussion'
              ? t('thread.markedDiscuss')
              : t('thread.decision')}
            {comment.status && comment.status !== 'needs_discussion' && (
              <StatusChip status={comment.status} />
            )}
          </span>
        )}
      </div>
      {comment.text && <LongText className="thread-text" text={comment.text} />}
    </li>
  );
}

/**
 * A mapping's comment thread, oldest first, with a box to add one (Ctrl+Enter sends).
 * `revision` refetches it after decisions elsewhere.
 */
export function MappingThread({
  crosswalkId,
  mappingId,
  revision = 0,
  inputRef,
  onAdded,
}: {
  crosswalkId: string;
  mappingId: number;
  revision?: number;
  inputRef?: Ref<HTMLTextAreaElement>;
  onAdded?: () => void;
}) {
  const { t } = useTranslation('discussion');
  const canComment = useApp((s) => s.steward?.role !== 'viewer');
  const { comments, error, reload } = useThread(mappingId, revision);
  const [text, setText] = useState('');
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);

  const send = async () => {
    if (!text.trim() || sending) return;
    setSending(true);
    try {
      await rpc.call('comments.add', { crosswalkId, mappingId, text });
      setText('');
      setSendError(null);
      reload();
      onAdded?.();
    } catch (e) {
      setSendError(errorText(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <section className="mapping-thread" aria-label={t('thread.title')} data-testid="mapping-thread">
      <h3>
        {t('thread.title')}{' '}
        {comments && (
          <span className="count">
            (<Ltr>{comments.length}</Ltr>)
          </span>
        )}
      </h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : !comments ? (
        <p className="muted">{t('common:loading')}</p>
      ) : comments.length === 0 ? (
        <p className="muted">{t('thread.empty')}</p>
      ) : (
        <ol className="thread-list">
          {comments.map((c) => (
            <Entry key={c.id} comment={c} />
          ))}
        </ol>
      )}
      {canComment ? (
        <form
          className="thread-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
        >
          <textarea
            ref={inputRef}
            rows={2}
            maxLength={COMMENT_MAX_LENGTH}
            dir="auto"
            value={text}
            placeholder={t('thread.placeholder')}
            aria-label={t('thread.placeholder')}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void send();
              } else if (e.key === 'Escape') {
                e.currentTarget.blur();
              }
              // Review keys (A, R, J…) are letters here, not commands.
              e.stopPropagation();
            }}
            data-testid="thread-input"
          />
          <div className="thread-actions">
            <span className="muted">{t('thread.sendHint')}</span>
            <TextLimit length={text.length} />
            <button
              type="submit"
              className="primary"
              disabled={!text.trim() || sending}
              data-testid="thread-send"
            >
              {t('thread.send')}
            </button>
          </div>
          {sendError && (
            <p className="error" role="alert">
              {sendError}
            </p>
          )}
        </form>
      ) : (
        <p className="muted">{t('thread.viewerNote')}</p>
      )}
    </section>
  );
}
