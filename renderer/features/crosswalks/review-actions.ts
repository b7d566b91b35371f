import type { MappingStatus, Relation } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { decisionTargets, useCrosswalks, type SavedWhat } from './crosswalk-store';
import { gridHandle } from './grid-handle';

const store = () => useCrosswalks.getState();

/** Everything that depends on mapping data refetches after a confirmed change. */
export async function refreshAfterChange(): Promise<void> {
  gridHandle.refresh();
  store().bumpRevision();
  await Promise.all([loadChecks(), loadCrosswalkList()]);
}

export async function loadCrosswalkList(): Promise<void> {
  try {
    store().setCrosswalks(await rpc.call('crosswalks.list', {}));
  } catch (error) {
    store().setListError(errorText(error));
  }
}

export async function loadChecks(): Promise<void> {
  const id = store().crosswalkId;
  if (!id) return;
  try {
    const checks = await rpc.call('crosswalks.checks', { crosswalkId: id });
    if (store().crosswalkId === id) store().setChecks(checks);
  } catch (error) {
    store().setSave({ kind: 'error', text: errorText(error) });
  }
}

export async function loadUndoState(): Promise<void> {
  const id = store().crosswalkId;
  if (!id) return;
  try {
    store().setUndo(await rpc.call('crosswalks.undoState', { crosswalkId: id }));
  } catch {
    store().setUndo({ canUndo: false, canRedo: false });
  }
}

/** Runs one write; "saved" is shown only after the reply, which means journaled and fsynced. */
async function write(
  what: SavedWhat,
  run: (
    crosswalkId: string,
  ) => Promise<{ count: number; undo: { canUndo: boolean; canRedo: boolean } }>,
): Promise<boolean> {
  const id = store().crosswalkId;
  if (!id) return false;
  store().setSave({ kind: 'saving' });
  try {
    const { count, undo } = await run(id);
    store().setUndo(undo);
    store().setSave({ kind: 'saved', what, count, at: Date.now() });
    await refreshAfterChange();
    return true;
  } catch (error) {
    store().setSave({ kind: 'error', text: errorText(error) });
    return false;
  }
}

export interface DecisionInput {
  status?: MappingStatus;
  relation?: Relation;
  share?: number | null;
  comment?: string;
}

export function decide(input: DecisionInput): Promise<boolean> {
  const mappingIds = decisionTargets(store());
  if (mappingIds.length === 0) return Promise.resolve(false);
  const bulk = store().selected.length > 0;
  const comment = input.comment?.trim() || undefined;
  return write('decided', async (crosswalkId) => {
    const reply = await rpc.call('crosswalks.decide', {
      crosswalkId,
      mappingIds,
      ...input,
      comment,
    });
    // The decided rows may leave the filtered view; a selection of hidden rows must not linger.
    if (bulk) gridHandle.clearSelection();
    return { count: reply.updated, undo: reply.undo };
  });
}

export function addMapping(input: {
  sourceCode: string;
  targetCode: string;
  relation: Relation;
  share: number | null;
  comment: string;
}): Promise<boolean> {
  return write('added', async (crosswalkId) => {
    const reply = await rpc.call('crosswalks.addMapping', {
      crosswalkId,
      sourceCode: input.sourceCode,
      targetCode: input.targetCode,
      relation: input.relation,
      share: input.share,
      comment: input.comment.trim() || undefined,
    });
    return { count: 1, undo: reply.undo };
  });
}

export function removeMappings(comment: string): Promise<boolean> {
  const mappingIds = decisionTargets(store());
  if (mappingIds.length === 0) return Promise.resolve(false);
  return write('removed', async (crosswalkId) => {
    const reply = await rpc.call('crosswalks.removeMappings', {
      crosswalkId,
      mappingIds,
      comment: comment.trim() || undefined,
    });
    gridHandle.clearSelection();
    return { count: reply.removed, undo: reply.undo };
  });
}

export function undo(): Promise<boolean> {
  if (!store().undo.canUndo) return Promise.resolve(false);
  return write('undone', async (crosswalkId) => ({
    count: 0,
    undo: await rpc.call('crosswalks.undo', { crosswalkId }),
  }));
}

export function redo(): Promise<boolean> {
  if (!store().undo.canRedo) return Promise.resolve(false);
  return write('redone', async (crosswalkId) => ({
    count: 0,
    undo: await rpc.call('crosswalks.redo', { crosswalkId }),
  }));
}
