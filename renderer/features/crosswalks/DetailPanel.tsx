import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemWithPath, MappingDetail, MappingRow } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import type { Language } from '../../i18n/i18n';
import { Ltr } from '../../ui/Bidi';
import { MappingThread } from '../discussion/MappingThread';
import { SuggestionsSection } from '../suggestions/SuggestionsSection';
import { useCrosswalks } from './crosswalk-store';
import { reviewState } from '../../../shared/domain/crosswalk/approval';
import { ApprovalsChip } from '../approval/ApprovalsChip';
import { LongText } from './LongText';
import { StatusChip } from './StatusChip';
import { formatShare, pickTitle, uiLanguage } from './titles';

/** Fetches the focused row's detail, waiting a moment so fast keyboard moves do not flood the host. */
function useDetail(crosswalkId: string, row: MappingRow | null, revision: number) {
  const [state, setState] = useState<{
    detail: MappingDetail | null;
    error: string | null;
    loading: boolean;
  }>({
    detail: null,
    error: null,
    loading: false,
  });
  const mappingId = row?.mappingId ?? null;
  const sourceCode = row?.sourceCode ?? null;
  useEffect(() => {
    if (sourceCode === null) {
      setState({ detail: null, error: null, loading: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    const timer = setTimeout(() => {
      rpc.call('crosswalks.detail', { crosswalkId, mappingId, sourceCode }).then(
        (detail) => live && setState({ detail, error: null, loading: false }),
        (e: unknown) => live && setState({ detail: null, error: errorText(e), loading: false }),
      );
    }, 90);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [crosswalkId, mappingId, sourceCode, revision]);
  return state;
}

function Title({ lang, he, en }: { lang: Language; he: string | null; en: string | null }) {
  const main = pickTitle(lang, he, en);
  const other = main?.lang === 'he' ? en : he;
  return (
    <>
      {main && (
        <div className="item-title" lang={main.lang} dir={main.lang === 'he' ? 'rtl' : 'ltr'}>
          {main.text}
        </div>
      )}
      {other && (
        <div
          className="item-title-other muted"
          lang={main?.lang === 'he' ? 'en' : 'he'}
          dir={main?.lang === 'he' ? 'ltr' : 'rtl'}
        >
          {other}
        </div>
      )}
    </>
  );
}

/** A mapping's source and target items, each with its hierarchy path (or why it is missing). */
export function SourceAndTarget({ detail, lang }: { detail: MappingDetail; lang: Language }) {
  const { t } = useTranslation('crosswalks');
  return (
    <>
      <ItemCard
        heading={t('detail.source')}
        item={detail.source}
        missingCode={detail.row.sourceCode}
        lang={lang}
      />
      <ItemCard
        heading={t('detail.target')}
        item={detail.target}
        missingCode={detail.row.targetCode}
        lang={lang}
      />
    </>
  );
}

function ItemCard({
  heading,
  item,
  missingCode,
  lang,
}: {
  heading: string;
  item: ItemWithPath | null;
  missingCode: string | null;
  lang: Language;
}) {
  const { t } = useTranslation('crosswalks');
  return (
    <section className="item-card" aria-label={heading}>
      <h3>{heading}</h3>
      {!item ? (
        missingCode ? (
          <p className="error">
            <Ltr className="code">{missingCode}</Ltr> · {t('detail.notInScheme')}
          </p>
        ) : (
          <p className="muted">{t('detail.noTarget')}</p>
        )
      ) : (
        <>
          {item.path.length > 0 && (
            <ol className="hierarchy" aria-label={t('detail.hierarchy')}>
              {item.path.map((p) => (
                <li key={p.code}>
                  <Ltr className="code">{p.code}</Ltr>{' '}
                  <bdi>{pickTitle(lang, p.titleHe, p.titleEn)?.text}</bdi>
                </li>
              ))}
            </ol>
          )}
          <div className="item-head">
            <Ltr className="code item-code">{item.code}</Ltr>
            {!item.isLeaf && <span className="badge warn">{t('detail.notLeaf')}</span>}
            {item.status === 'deprecated' && (
              <span className="badge bad">{t('detail.deprecated')}</span>
            )}
          </div>
          <Title lang={lang} he={item.titleHe} en={item.titleEn} />
          {(() => {
            const description = pickTitle(lang, item.descriptionHe, item.descriptionEn);
            return description ? (
              <p
                className="description"
                lang={description.lang}
                dir={description.lang === 'he' ? 'rtl' : 'ltr'}
              >
                {description.text}
              </p>
            ) : null;
          })()}
        </>
      )}
    </section>
  );
}

function RelatedList({
  heading,
  rows,
  side,
  lang,
  currentId,
}: {
  heading: string;
  rows: MappingRow[];
  side: 'source' | 'target';
  lang: Language;
  currentId: number | null;
}) {
  const { t } = useTranslation('crosswalks');
  return (
    <section className="related" aria-label={heading}>
      <h3>
        {heading} <span className="count">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">{t('detail.none')}</p>
      ) : (
        <table>
          <tbody>
            {rows.map((r) => {
              const code = side === 'target' ? r.targetCode : r.sourceCode;
              const title =
                side === 'target'
                  ? pickTitle(lang, r.targetTitleHe, r.targetTitleEn)
                  : pickTitle(lang, r.sourceTitleHe, r.sourceTitleEn);
              return (
                <tr
                  key={r.mappingId ?? r.sourceCode}
                  className={r.mappingId === currentId ? 'current' : undefined}
                >
                  <td>
                    <Ltr className="code">{code ?? '—'}</Ltr>
                  </td>
                  <td className="related-title">
                    {title && (
                      <span
                        className="related-title-text"
                        lang={title.lang}
                        dir="auto"
                        title={title.text}
                      >
                        {title.text}
                      </span>
                    )}
                  </td>
                  <td>{r.relation ? t(`relation.${r.relation}`) : ''}</td>
                  <td>
                    <Ltr>{formatShare(r.share)}</Ltr>
                  </td>
                  <td>
                    <StatusChip status={r.status && reviewState(r.status, r.agencyDecisions)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function DetailPanel({ crosswalkId }: { crosswalkId: string }) {
  const { t, i18n } = useTranslation('crosswalks');
  const lang = uiLanguage(i18n.language);
  const focused = useCrosswalks((s) => s.focused);
  const revision = useCrosswalks((s) => s.revision);
  const { detail, error, loading } = useDetail(crosswalkId, focused, revision);

  return (
    <aside
      className="detail-panel"
      data-testid="detail-panel"
      aria-label={t('detail.title')}
      aria-busy={loading}
    >
      {!focused ? (
        <p className="muted">{t('detail.pick')}</p>
      ) : error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : !detail ? (
        <p className="muted">{t('common:loading')}</p>
      ) : (
        <>
          <div className="detail-mapping">
            <StatusChip
              status={
                detail.row.status && reviewState(detail.row.status, detail.row.agencyDecisions)
              }
            />
            <ApprovalsChip row={detail.row} />
            {detail.row.relation && (
              <span className={`relation ${detail.row.relation}`}>
                {t(`relation.${detail.row.relation}`)}
              </span>
            )}
            {detail.row.share !== null && (
              <span>
                {t('col.share')}: <Ltr>{formatShare(detail.row.share)}</Ltr>
              </span>
            )}
            {detail.row.justification && (
              <span className="muted">{t(`justification.${detail.row.justification}`)}</span>
            )}
            {(detail.row.partialSource || detail.row.partialTarget) && (
              <span className="badge warn">{t('detail.partial')}</span>
            )}
          </div>
          {detail.row.comment && (
            <LongText
              as="blockquote"
              className="mapping-comment"
              text={detail.row.comment}
              testId="detail-comment"
            />
          )}
          <SourceAndTarget detail={detail} lang={lang} />
          {detail.row.mappingId !== null && (
            <MappingThread
              crosswalkId={crosswalkId}
              mappingId={detail.row.mappingId}
              revision={revision}
            />
          )}
          <SuggestionsSection crosswalkId={crosswalkId} row={focused} />
          <RelatedList
            heading={t('detail.sameSource')}
            rows={detail.sameSource}
            side="target"
            lang={lang}
            currentId={detail.row.mappingId}
          />
          <RelatedList
            heading={t('detail.sameTarget')}
            rows={detail.sameTarget}
            side="source"
            lang={lang}
            currentId={detail.row.mappingId}
          />
        </>
      )}
    </aside>
  );
}
