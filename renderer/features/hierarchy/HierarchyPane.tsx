import './hierarchy.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scheme, TreeNode } from '../../../shared/contract';
import { rpc } from '../../app/rpc';
import { Ltr } from '../../ui/Bidi';
import { useCrosswalks } from '../crosswalks/crosswalk-store';
import { addMapping } from '../crosswalks/review-actions';
import { uiLanguage } from '../crosswalks/titles';
import { useHierarchy } from './hierarchy-store';
import { SchemeTree } from './SchemeTree';

function useSchemes(): Scheme[] {
  const [schemes, setSchemes] = useState<Scheme[]>([]);
  useEffect(() => {
    rpc.call('schemes.list', {}).then(setSchemes, () => setSchemes([]));
  }, []);
  return schemes;
}

/** Source and target schemes as trees beside the grid: click filters, drag maps. */
export function HierarchyPane({ crosswalkId }: { crosswalkId: string }) {
  const { t, i18n } = useTranslation('hierarchy');
  const lang = uiLanguage(i18n.language);
  const open = useHierarchy((s) => s.treesOpen);
  const dropped = useHierarchy((s) => s.dropped);
  const setDropped = useHierarchy((s) => s.setDropped);
  const revision = useCrosswalks((s) => s.revision);
  const activeCode = useCrosswalks((s) => s.filter.sourceAncestor);
  const crosswalk = useCrosswalks((s) => s.crosswalks?.find((c) => c.id === crosswalkId));
  const schemes = useSchemes();
  const [picked, setPicked] = useState<string | null>(null);
  useEffect(() => setDropped(null), [crosswalkId, setDropped]);
  if (!open || !crosswalk) return null;

  const name = (id: string) => {
    const s = schemes.find((x) => x.id === id);
    return s ? (lang === 'he' ? s.nameHe : s.nameEn) : id;
  };

  const filterBy = (node: TreeNode) => {
    useCrosswalks
      .getState()
      .patchFilter({ sourceAncestor: activeCode === node.code ? undefined : node.code });
    return true;
  };

  const propose = (sourceCode: string, target: TreeNode) => {
    setDropped(null);
    setPicked(null);
    void addMapping({
      sourceCode,
      targetCode: target.code,
      relation: 'close',
      share: null,
      comment: '',
    }).then((ok) =>
      setDropped({ kind: ok ? 'saved' : 'failed', sourceCode, targetCode: target.code }),
    );
  };

  return (
    <aside className="hierarchy-pane" aria-label={t('pane.label')} data-testid="hierarchy-pane">
      <p className="tree-hint muted">{t('pane.hint')}</p>
      <div className="tree-legend muted" aria-hidden="true">
        <span className="n mapped">{t('counts.mapped')}</span>
        <span className="n approved">{t('counts.approved')}</span>
        <span className="n unmapped">{t('counts.unmapped')}</span>
      </div>
      {activeCode && (
        <p className="tree-filter" data-testid="tree-filter">
          {t('pane.filtered')} <Ltr>{activeCode}</Ltr>{' '}
          <button
            type="button"
            className="link"
            onClick={() => useCrosswalks.getState().patchFilter({ sourceAncestor: undefined })}
          >
            {t('pane.clearFilter')}
          </button>
        </p>
      )}
      <p className="drop-status" role="status" data-testid="drop-status">
        {picked && !dropped && (
          <>
            <Ltr>{picked}</Ltr> {t('drop.picked')}
          </>
        )}
        {dropped && (
          <>
            {t(dropped.kind === 'saved' ? 'drop.saved' : 'drop.failed')}{' '}
            <Ltr>{dropped.sourceCode}</Ltr> {t('drop.arrow')} <Ltr>{dropped.targetCode}</Ltr>
          </>
        )}
      </p>
      <SchemeTree
        key={`s-${crosswalkId}`}
        crosswalkId={crosswalkId}
        side="source"
        label={`${t('pane.source')}: ${name(crosswalk.sourceSchemeId)}`}
        revision={revision}
        activeCode={activeCode}
        onActivate={filterBy}
        pickedCode={picked ?? undefined}
        onPick={(node) => {
          setDropped(null);
          setPicked((p) => (p === node.code ? null : node.code));
        }}
      />
      <SchemeTree
        key={`t-${crosswalkId}`}
        crosswalkId={crosswalkId}
        side="target"
        label={`${t('pane.target')}: ${name(crosswalk.targetSchemeId)}`}
        revision={revision}
        onDropSource={propose}
        onActivate={(node) => {
          if (!node.isLeaf || !picked) return false;
          propose(picked, node);
          return true;
        }}
      />
    </aside>
  );
}
