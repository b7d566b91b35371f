import type { MappingStatus, Relation } from '../../../shared/contract';
import { errorText } from '../../app/errors';
import { rpc } from '../../app/rpc';
import { useCrosswalks, type SaveState, type SavedWhat } from './crosswalk-store';
import { gridHandle, type DecisionTargets } from './grid-handle';

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

type WriteResult = { count: number; undo: { canUndo: boolean; canRedo: boolean } };

/** Writes run one after another in the order they were asked for; none is dropped while another saves. */
let queue: Promise<unknown> = Promise.resolve();
let pending = 0;
let batchFailed = false;
let lastSaved: SaveState | null = null;

/**
 * Queues one write for the crosswalk shown now. "Saved" is shown only after the last queued reply,
 * which means journaled and fsynced; `run` returning null means there was nothing to do.
 */
function write(
  what: SavedWhat,
  run: (crosswalkId: string) => Promise<WriteResult | null>,
): Promise<boolean> {
  const id = store().crosswalkId;
  if (!id) return Promise.resolve(false);
  if (pending === 0) {
    batchFailed = false;
    lastSaved = null;
  }
  pending++;
  store().setSave({ kind: 'saving' });
  // Settles once the host confirmed (or refused) the write, before the views refresh: a dialog
  // closes the moment its change is saved, not after the grid has reloaded.
  let confirm: (ok: boolean) => void = () => {};
  const confirmed = new Promise<boolean>((resolve) => (confirm = resolve));
  const job = queue.then(async () => {
    let outcome: WriteResult | null = null;
    let failed = false;
    try {
      outcome = await run(id);
      if (outcome && store().crosswalkId === id) {
        store().setUndo(outcome.undo);
        lastSaved = { kind: 'saved', what, count: outcome.count, at: Date.now() };
      }
    } catch (error) {
      failed = batchFailed = true;
      store().setSave({ kind: 'error', text: errorText(error) });
    }
    pending--;
    confirm(!failed && outcome !== null);
    if (pending === 0 && store().crosswalkId === id) {
      if (!batchFailed) store().setSave(lastSaved ?? { kind: 'idle' });
      await refreshAfterChange();
    }
  });
  queue = job;
  return confirmed;
}

export interface DecisionInput {
  status?: MappingStatus;
  relation?: Relation;
  share?: number | null;
  comment?: string;
}

/**
 * Records a decision on `targets`, which the caller captures at the moment of the key or click
 * (never re-read when an earlier write's reply arrives).
 */
export function decide(
  input: DecisionInput,
  targets: DecisionTargets = gridHandle.captureTargets(),
): Promise<boolean> {
  const { mappingIds, bulk } = targets;
  if (mappingIds.length === 0) return Promise.resolve(false);
  const comment = input.comment?.trim() || undefined;
  // The decided rows may leave the filtered view; a selection of hidden rows must not linger.
  if (bulk) gridHandle.clearSelection();
  return write('decided', async (crosswalkId) => {
    const reply = await rpc.call('crosswalks.decide', {
      crosswalkId,
      mappingIds,
      ...input,
      comment,
    });
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
  const { mappingIds } = gridHandle.captureTargets();
  if (mappingIds.length === 0) return Promise.resolve(false);
  gridHandle.clearSelection();
  return write('removed', async (crosswalkId) => {
    const reply = await rpc.call('crosswalks.removeMappings', {
      crosswalkId,
      mappingIds,
      comment: comment.trim() || undefined,
    });
    return { count: reply.removed, undo: reply.undo };
  });
}

/** Undo and redo go through the queue too, so they apply after the decisions asked for before them. */
export function undo(): Promise<boolean> {
  if (pending === 0 && !store().undo.canUndo) return Promise.resolve(false);
  return write('undone', async (crosswalkId) =>
    store().undo.canUndo
      ? { count: 0, undo: await rpc.call('crosswalks.undo', { crosswalkId }) }
      : null,
  );
}

export function redo(): Promise<boolean> {
  if (pending === 0 && !store().undo.canRedo) return Promise.resolve(false);
  return write('redone', async (crosswalkId) =>
    store().undo.canRedo
      ? { count: 0, undo: await rpc.call('crosswalks.redo', { crosswalkId }) }
      : null,
  );
}
