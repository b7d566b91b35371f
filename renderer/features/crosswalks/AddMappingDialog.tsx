import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relation, SchemeItem } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from './crosswalk-store';
import { CommentField, parseShare, RelationField, ShareField } from './dialog-fields';
import { Modal } from './Modal';
import { addMapping } from './review-actions';
import { pickTitle, uiLanguage } from './titles';

const close = () => useCrosswalks.getState().openDialog(null);

/** Finds target items by code or title (Hebrew or English) in the crosswalk's target scheme. */
function useTargetSearch(schemeId: string | undefined, query: string) {
  const [items, setItems] = useState<SchemeItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!schemeId || query.trim().length === 0) {
      setItems([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      rpc.call('schemes.items', { schemeId, search: query.trim(), offset: 0, limit: 12 }).then(
        (r) => live && (setItems(r.rows), setError(null)),
        (e: unknown) => live && setError(errorText(e)),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [schemeId, query]);
  return { items, error };
}

export function AddMappingDialog() {
  const { t, i18n } = useTranslation('crosswalks');
  const lang = uiLanguage(i18n.language);
  const focused = useCrosswalks((s) => s.focused);
  const crosswalk = useCrosswalks((s) => s.crosswalks?.find((c) => c.id === s.crosswalkId));
  const [sourceCode, setSourceCode] = useState(focused?.sourceCode ?? '');
  const [targetQuery, setTargetQuery] = useState('');
  const [target, setTarget] = useState<SchemeItem | null>(null);
  const [relation, setRelation] = useState<Relation>('exact');
  const [share, setShare] = useState('');
  const [comment, setComment] = useState('');
  const { items, error } = useTargetSearch(crosswalk?.targetSchemeId, target ? '' : targetQuery);
  const parsed = parseShare(share);
  const targetCode = target?.code ?? targetQuery.trim();
  const ready = sourceCode.trim() !== '' && targetCode !== '' && parsed !== 'invalid';

  const submit = async () => {
    if (!ready) return;
    const ok = await addMapping({
      sourceCode: sourceCode.trim(),
      targetCode,
      relation,
      share: parsed,
      comment,
    });
    if (ok) close();
  };

  return (
    <Modal title={t('dialog.addTitle')} testId="add-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          {t('col.sourceCode')}
          <input
            dir="ltr"
            className="code"
            value={sourceCode}
            onChange={(e) => setSourceCode(e.target.value)}
            data-testid="add-source"
          />
        </label>
        <label className="field">
          {t('dialog.targetSearch')}
          <input
            dir="auto"
            data-autofocus
            value={target ? target.code : targetQuery}
            onChange={(e) => {
              setTarget(null);
              setTargetQuery(e.target.value);
            }}
            placeholder={t('dialog.targetSearchHint')}
            data-testid="add-target"
          />
        </label>
        {target && (
          <p className="picked-target">
            <Ltr className="code">{target.code}</Ltr>{' '}
            <bdi>{pickTitle(lang, target.titleHe, target.titleEn)?.text}</bdi>
            {!target.isLeaf && <span className="warn-text"> · {t('dialog.notLeaf')}</span>}
          </p>
        )}
        {!target && items.length > 0 && (
          <ul className="target-options" role="listbox" aria-label={t('dialog.targetSearch')}>
            {items.map((item) => (
              <li key={item.code}>
                <button
                  type="button"
                  role="option"
                  aria-selected={false}
                  onClick={() => setTarget(item)}
                  data-testid="add-target-option"
                >
                  <Ltr className="code">{item.code}</Ltr>{' '}
                  <bdi>{pickTitle(lang, item.titleHe, item.titleEn)?.text}</bdi>
                  {!item.isLeaf && <span className="muted"> · {t('dialog.notLeaf')}</span>}
                </button>
              </li>
            ))}
          </ul>
        )}
        {error && <p className="error">{error}</p>}
        <div className="field-row">
          <RelationField
            value={relation}
            onChange={(r) => setRelation(r || relation)}
            testId="add-relation"
          />
          <ShareField value={share} onChange={setShare} testId="add-share" />
        </div>
        <CommentField value={comment} onChange={setComment} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={!ready} data-testid="add-save">
            {t('dialog.addConfirm')}
          </button>
          <button type="button" onClick={close}>
            {t('common:actions.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
