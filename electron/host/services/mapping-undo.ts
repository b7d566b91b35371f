import type { StoredMapping } from '../repos/crosswalk-repo';

/** One mapping before and after a change; null = the mapping did not exist (added / removed). */
export interface MappingChange {
  id: number;
  before: StoredMapping | null;
  after: StoredMapping | null;
}

export interface UndoEntry {
  action: string;
  changes: MappingChange[];
}

const LIMIT = 200;

/**
 * Undo and redo per steward and crosswalk, in memory (a restart clears them; the audit log keeps
 * the history). Undo does not rewind the database: the service applies the inverse as a new write.
 */
export class MappingUndo {
  private readonly stacks = new Map<string, { undo: UndoEntry[]; redo: UndoEntry[] }>();

  private stack(stewardId: string, crosswalkId: string) {
    const key = `${stewardId}\u0000${crosswalkId}`;
    let s = this.stacks.get(key);
    if (!s) {
      s = { undo: [], redo: [] };
      this.stacks.set(key, s);
    }
    return s;
  }

  record(stewardId: string, crosswalkId: string, entry: UndoEntry): void {
    const s = this.stack(stewardId, crosswalkId);
    s.undo.push(entry);
    if (s.undo.length > LIMIT) s.undo.shift();
    s.redo = [];
  }

  peek(stewardId: string, crosswalkId: string, which: 'undo' | 'redo'): UndoEntry | undefined {
    const s = this.stack(stewardId, crosswalkId)[which];
    return s[s.length - 1];
  }

  /** After the inverse write succeeded: move the entry to the other stack. */
  moved(stewardId: string, crosswalkId: string, from: 'undo' | 'redo'): void {
    const s = this.stack(stewardId, crosswalkId);
    const entry = s[from].pop();
    if (entry) s[from === 'undo' ? 'redo' : 'undo'].push(entry);
  }

  state(stewardId: string, crosswalkId: string): { canUndo: boolean; canRedo: boolean } {
    const s = this.stack(stewardId, crosswalkId);
    return { canUndo: s.undo.length > 0, canRedo: s.redo.length > 0 };
  }
}
