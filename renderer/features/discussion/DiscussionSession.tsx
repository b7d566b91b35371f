import { isModalOpen } from '../../ui/use-modal';
import '../crosswalks/crosswalks.css';
import './discussion.css';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingDetail } from '../../../shared/contract';
import { useApp } from '../../app/app-store';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { SourceAndTarget } from '../crosswalks/DetailPanel';
import { StatusChip } from '../crosswalks/StatusChip';
import { formatShare, uiLanguage } from '../crosswalks/titles';
import { MappingThread } from './MappingThread';
import { formatThreadTime } from './thread-time';
import { useDiscussionQueue } from './use-discussion-queue';

const KEYS: [string[], string][] = [
  [['↓', 'J', '↑', 'K'], 'move'],
  [['A'], 'approve'],
  [['R'], 'reject'],
  [['C'], 'comment'],
  [['Ctrl+Enter'], 'send'],
  [['Esc'], 'leave'],
];

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function useDetail(crosswalkId: string, mappingId: number | null, sourceCode: string | null) {
  const [detail, setDetail] = useState<{ id: number; detail: MappingDetail } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (mappingId === null || sourceCode === null) return;
    let live = true;
    rpc.call('crosswalks.detail', { crosswalkId, mappingId, sourceCode }).then(
      (d) => {
        if (!live) return;
        setDetail({ id: mappingId, detail: d });
        setError(null);
      },
      (e: unknown) => live && setError(errorText(e)),
    );
    return () => {
      live = false;
    };
  }, [crosswalkId, mappingId, sourceCode]);
  return { detail: detail?.id === mappingId ? detail.detail : null, error };
}

function SaveNote() {
  const { t } = useTranslation('discussion');
  const save = useCrosswalks((s) => s.save);
  if (save.kind === 'saving') return <span className="muted">{t('session.saving')}</span>;
  if (save.kind === 'saved') return <span className="ok">{t('session.saved')}</span>;
  if (save.kind === 'error')
    return (
      <span className="error" role="alert">
        {save.text}
      </span>
    );
  return null;
}

/** A review meeting: the crosswalk's needs-discussion mappings one at a time, decided by keyboard. */
export function DiscussionSession({ crosswalkId }: { crosswalkId: string }) {
  const { t, i18n } = useTranslation('discussion');
  const lang = uiLanguage(i18n.language);
  const leave = () => useApp.getState().setView('crosswalks');
  const queue = useDiscussionQueue(crosswalkId);
  const { current, items } = queue;
  const mappingId = current?.row.mappingId ?? null;
  const { detail, error: detailError } = useDetail(
    crosswalkId,
    mappingId,
    current?.row.sourceCode ?? null,
  );
  const input = useRef<HTMLTextAreaElement>(null);
  const revision = useCrosswalks((s) => s.revision);
  const crosswalk = useCrosswalks((s) => s.crosswalks?.find((c) => c.id === crosswalkId));
  const canDecide = useApp((s) => s.steward?.role !== 'viewer');

  const keys = useRef({ queue, canDecide });
  // Updated right after each commit, so the next key already sees an item decided by the last one.
  useLayoutEffect(() => {
    keys.current = { queue, canDecide };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isModalOpen() || isTyping(e.target) || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey)
        return;
      const { queue: q, canDecide: may } = keys.current;
      const handled = () => e.preventDefault();
      switch (e.code) {
        case 'ArrowDown':
        case 'KeyJ':
          handled();
          q.move(1);
          break;
        case 'ArrowUp':
        case 'KeyK':
          handled();
          q.move(-1);
          break;
        case 'KeyA':
          handled();
          if (may) q.decideCurrent('approved');
          break;
        case 'KeyR':
          handled();
          if (may) q.decideCurrent('rejected');
          break;
        case 'KeyC':
          handled();
          input.current?.focus();
          break;
        case 'Escape':
          handled();
          leave();
          break;
        default:
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const name = crosswalk && (lang === 'he' ? crosswalk.nameHe : crosswalk.nameEn);
  return (
    <main className="discussion-session" data-testid="discussion-session">
      <header className="discussion-head">
        <h2>
          {t('session.title')}
          {name && (
            <>
              {' · '}
              <bdi>{name}</bdi>
            </>
          )}
        </h2>
        {items && items.length > 0 && (
          <span className="discussion-counter" data-testid="discussion-counter">
            {t('session.counter', { index: queue.index + 1, total: items.length })}
          </span>
        )}
        <SaveNote />
        <button onClick={leave} data-testid="discussion-leave">
          {t('session.leave')}
        </button>
      </header>
      {queue.error ? (
        <p className="error" role="alert">
          {queue.error}
        </p>
      ) : !items ? (
        <p className="muted">{t('common:loading')}</p>
      ) : !current || mappingId === null ? (
        <div className="card empty-state" data-testid="discussion-empty">
          <p>{t('session.empty')}</p>
        </div>
      ) : (
        <div className="discussion-body" data-testid="discussion-item" data-mapping-id={mappingId}>
          <section className="discussion-mapping">
            <div className="detail-mapping">
              <Ltr className="code discussion-pair">
                {current.row.sourceCode} → {current.row.targetCode}
              </Ltr>
              <StatusChip status={current.row.status} />
              {current.row.relation && (
                <span className={`relation ${current.row.relation}`}>
                  {t(`crosswalks:relation.${current.row.relation}`)}
                </span>
              )}
              {current.row.share !== null && (
                <span>
                  {t('crosswalks:col.share')}: <Ltr>{formatShare(current.row.share)}</Ltr>
                </span>
              )}
              {current.markedAt && (
                <span className="muted">
                  {t('session.markedAt')}: <Ltr>{formatThreadTime(current.markedAt, lang)}</Ltr>
                </span>
              )}
            </div>
            {detailError && (
              <p className="error" role="alert">
                {detailError}
              </p>
            )}
            {detail ? (
              <div className="discussion-items">
                <SourceAndTarget detail={detail} lang={lang} />
              </div>
            ) : (
              !detailError && <p className="muted">{t('common:loading')}</p>
            )}
            {canDecide && (
              <div className="dialog-actions">
                <button onClick={() => queue.move(-1)} disabled={queue.index === 0}>
                  {t('session.prev')}
                </button>
                <button onClick={() => queue.move(1)} disabled={queue.index >= items.length - 1}>
                  {t('session.next')}
                </button>
                <button
                  className="primary"
                  onClick={() => queue.decideCurrent('approved')}
                  data-testid="discussion-approve"
                >
                  {t('session.approve')}
                </button>
                <button
                  className="danger"
                  onClick={() => queue.decideCurrent('rejected')}
                  data-testid="discussion-reject"
                >
                  {t('session.reject')}
                </button>
              </div>
            )}
          </section>
          <MappingThread
            key={mappingId}
            crosswalkId={crosswalkId}
            mappingId={mappingId}
            revision={revision}
            inputRef={input}
            onAdded={() => void queue.reload()}
          />
        </div>
      )}
      <footer className="key-legend" aria-label={t('keys.title')} data-testid="discussion-keys">
        {KEYS.map(([ks, action]) => (
          <span key={action} className="key-item">
            {ks.map((k) => (
              <kbd key={k}>{k}</kbd>
            ))}{' '}
            {t(`keys.${action}`)}
          </span>
        ))}
      </footer>
    </main>
  );
}

/** The session for the crosswalk chosen on the review screen. */
export function DiscussionScreen() {
  const crosswalkId = useCrosswalks((s) => s.crosswalkId);
  useEffect(() => {
    if (!crosswalkId) useApp.getState().setView('crosswalks');
  }, [crosswalkId]);
  return crosswalkId ? <DiscussionSession crosswalkId={crosswalkId} /> : null;
}
