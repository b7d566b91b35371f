import './suggestions.css';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MappingRow, SuggestionCandidate } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { pickTitle, uiLanguage } from '../crosswalks/titles';
import { acceptSuggestion } from './suggestion-actions';
import { SHOWN, useSuggestions } from './suggestions-store';

/** Fetches the ranked targets of the focused row's source code, a moment after focus settles. */
function useSourceSuggestions(crosswalkId: string, sourceCode: string | null, revision: number) {
  useEffect(() => {
    const store = useSuggestions.getState();
    if (sourceCode === null) {
      store.set({ crosswalkId, sourceCode: null, suggestions: [], loading: false, error: null });
      return;
    }
    let live = true;
    // Until the new list arrives, keys 1–5 must not accept the previous row's suggestions.
    if (store.sourceCode !== sourceCode || store.crosswalkId !== crosswalkId)
      store.set({ crosswalkId, sourceCode: null, suggestions: [], loading: true, error: null });
    const timer = setTimeout(() => {
      rpc.call('suggestions.forSource', { crosswalkId, sourceCode, k: SHOWN }).then(
        (r) =>
          live &&
          useSuggestions.getState().set({
            crosswalkId,
            sourceCode,
            suggestions: r.suggestions,
            loading: false,
            error: null,
          }),
        (e: unknown) =>
          live &&
          useSuggestions.getState().set({
            crosswalkId,
            sourceCode: null,
            suggestions: [],
            loading: false,
            error: errorText(e),
          }),
      );
    }, 90);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [crosswalkId, sourceCode, revision]);
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

function Candidate({ s, n }: { s: SuggestionCandidate; n: number }) {
  const { t, i18n } = useTranslation('suggestions');
  const title = pickTitle(uiLanguage(i18n.language), s.targetTitleHe, s.targetTitleEn);
  const reasons = s.reasons
    .filter((r) => r.contribution > 0.005)
    .sort((a, b) => b.contribution - a.contribution);
  const inheritedFrom = s.reasons.find((r) => r.kind === 'inherited')?.versions ?? [];
  const existingText = s.existing
    ? t('existing', { status: t(`crosswalks:status.${s.existing.status}`) })
    : '';
  return (
    <li className="suggestion" data-testid="suggestion">
      <button
        className="suggestion-accept"
        onClick={() => acceptSuggestion(n - 1)}
        disabled={s.existing !== undefined}
        title={s.existing ? existingText : t('acceptHint', { n })}
        aria-label={t('accept', { code: s.targetCode })}
      >
        <kbd>{n}</kbd>
      </button>
      <div className="suggestion-body">
        <div className="suggestion-head">
          <Ltr className="code">{s.targetCode}</Ltr>
          {s.existing && (
            <span className="suggestion-existing" data-testid="suggestion-existing">
              {existingText}
            </span>
          )}
          {title && (
            <span className="suggestion-title" lang={title.lang} dir="auto" title={title.text}>
              {title.text}
            </span>
          )}
        </div>
        <div className="suggestion-score" title={t('score')}>
          <span className="score-bar" aria-hidden>
            <span style={{ inlineSize: percent(s.score) }} />
          </span>
          <Ltr className="score-value">{percent(s.score)}</Ltr>
        </div>
        <ul className="reason-chips" aria-label={t('reasons')}>
          {reasons.map((r) => (
            <li
              key={r.kind}
              className={`reason-chip ${r.kind}`}
              title={t(`reasonHint.${r.kind}`, {
                similarity: percent(r.similarity),
                codes: r.codes.join(', '),
              })}
            >
              {t(`reason.${r.kind}`)} <Ltr>+{percent(r.contribution)}</Ltr>
            </li>
          ))}
        </ul>
        {inheritedFrom.map((v) => (
          <div
            key={`${v.crosswalkId}:${v.version}`}
            className="suggestion-from"
            data-testid="inherited-from"
          >
            {t('inheritedFrom', {
              name: pickTitle(uiLanguage(i18n.language), v.nameHe, v.nameEn)?.text ?? v.crosswalkId,
              version: v.version,
            })}
          </div>
        ))}
      </div>
    </li>
  );
}

/** The detail panel's suggestions for the focused row's source code; keys 1–5 accept one. */
export function SuggestionsSection({
  crosswalkId,
  row,
}: {
  crosswalkId: string;
  row: MappingRow | null;
}) {
  const { t } = useTranslation('suggestions');
  const revision = useCrosswalks((s) => s.revision);
  useSourceSuggestions(crosswalkId, row?.sourceCode ?? null, revision);
  const { suggestions, loading, error, sourceCode } = useSuggestions();
  if (!row) return null;
  return (
    <section
      className="suggestions"
      aria-label={t('title')}
      aria-busy={loading}
      data-testid="suggestions"
    >
      <h3>
        {t('title')} <Ltr className="code muted">{row.sourceCode}</Ltr>
      </h3>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : loading || sourceCode !== row.sourceCode ? (
        <p className="muted">{t('common:loading')}</p>
      ) : suggestions.length === 0 ? (
        <p className="muted">{t('none')}</p>
      ) : (
        <ol className="suggestion-list">
          {suggestions.map((s, i) => (
            <Candidate key={s.targetCode} s={s} n={i + 1} />
          ))}
        </ol>
      )}
      <p className="muted key-hint">{t('keysHint')}</p>
    </section>
  );
}
