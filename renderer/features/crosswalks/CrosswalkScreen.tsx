import './ag-grid-setup';
import './crosswalks.css';
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { rpc } from '../../app/rpc';
import { AddMappingDialog } from './AddMappingDialog';
import { ChecksBar } from './ChecksBar';
import { CrosswalkPicker } from './CrosswalkPicker';
import { useCrosswalks } from './crosswalk-store';
import { CommentDialog, EditDialog, RemoveDialog } from './DecisionDialogs';
import { DecisionBar } from './DecisionBar';
import { DetailPanel } from './DetailPanel';
import { DiscussionButton } from '../discussion/DiscussionButton';
import { ExportButtons } from './ExportButtons';
import { FilterBar } from './FilterBar';
import { KeyLegend } from './KeyLegend';
import { MappingGrid } from './MappingGrid';
import { loadChecks, loadCrosswalkList, loadUndoState, refreshAfterChange } from './review-actions';
import { useReviewKeys } from './use-review-keys';
import { VersionsButton } from '../versions/VersionsButton';
import { HierarchyPane } from '../hierarchy/HierarchyPane';
import { HierarchyToggles } from '../hierarchy/HierarchyToggles';
import { ProgressPanel } from '../hierarchy/ProgressPanel';
import { AgreementBar } from '../approval/AgreementBar';

function Dialogs() {
  const dialog = useCrosswalks((s) => s.dialog);
  if (dialog === 'edit') return <EditDialog />;
  if (dialog === 'comment') return <CommentDialog />;
  if (dialog === 'add') return <AddMappingDialog />;
  if (dialog === 'remove') return <RemoveDialog />;
  return null;
}

/** The crosswalk review screen: pick a crosswalk, filter, decide with the keyboard, export. */
export function CrosswalkScreen() {
  const { t } = useTranslation('crosswalks');
  const crosswalks = useCrosswalks((s) => s.crosswalks);
  const listError = useCrosswalks((s) => s.listError);
  const crosswalkId = useCrosswalks((s) => s.crosswalkId);
  const totalRows = useCrosswalks((s) => s.totalRows);
  const search = useRef<HTMLInputElement>(null);
  const searchInput = useCallback(() => search.current, []);
  useReviewKeys(searchInput);

  useEffect(() => {
    void loadCrosswalkList();
  }, []);

  // Another window or an import may change the data; refetch what is shown.
  useEffect(
    () =>
      rpc.on('workspace.changed', (e) => {
        if (e.entity === 'crosswalk' || e.entity === 'workspace') void refreshAfterChange();
      }),
    [],
  );

  useEffect(() => {
    const state = useCrosswalks.getState();
    if (
      crosswalks &&
      crosswalks.length > 0 &&
      !crosswalks.some((c) => c.id === state.crosswalkId)
    ) {
      state.selectCrosswalk(crosswalks[0]!.id);
    }
  }, [crosswalks]);

  useEffect(() => {
    if (!crosswalkId) return;
    void loadChecks();
    void loadUndoState();
  }, [crosswalkId]);

  if (listError)
    return (
      <main className="center">
        <div className="card">
          <p className="error" role="alert">
            {listError}
          </p>
          <button onClick={() => void loadCrosswalkList()}>{t('common:actions.retry')}</button>
        </div>
      </main>
    );
  if (!crosswalks) return <main className="center muted">{t('common:loading')}</main>;
  if (crosswalks.length === 0)
    return (
      <main className="center">
        <div className="card empty-state" data-testid="no-crosswalks">
          <h2>{t('empty.noCrosswalksTitle')}</h2>
          <p className="muted">{t('empty.noCrosswalks')}</p>
        </div>
      </main>
    );
  if (!crosswalkId) return <main className="center muted">{t('common:loading')}</main>;

  return (
    <main className="crosswalk-screen" data-testid="crosswalk-screen">
      <div className="review-head">
        <CrosswalkPicker />
        <DiscussionButton />
        <HierarchyToggles />
        <VersionsButton crosswalkId={crosswalkId} />
        <ExportButtons crosswalkId={crosswalkId} />
      </div>
      <ChecksBar />
      <AgreementBar crosswalkId={crosswalkId} />
      <FilterBar ref={search} />
      <div className="review-body">
        <HierarchyPane crosswalkId={crosswalkId} />
        <div className="grid-wrap">
          <MappingGrid key={crosswalkId} crosswalkId={crosswalkId} />
          {totalRows === 0 && (
            <div className="grid-empty" data-testid="grid-empty">
              {t('empty.noRows')}
            </div>
          )}
        </div>
        <DetailPanel crosswalkId={crosswalkId} />
      </div>
      <ProgressPanel crosswalkId={crosswalkId} />
      <DecisionBar />
      <KeyLegend />
      <Dialogs />
    </main>
  );
}
