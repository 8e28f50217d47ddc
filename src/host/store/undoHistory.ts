// The undo and redo stacks of one article's annotation changes (each step: the record operations of
// one edit), bounded so a long session does not grow without end.

import type { RecordOp } from '../../core/sidecar/edit';

export const UNDO_LIMIT = 200;

export class UndoHistory {
  private undoStack: RecordOp[][] = [];
  private redoStack: RecordOp[][] = [];

  /** A new change: it can be undone, and what was undone before can no longer be redone. */
  record(ops: RecordOp[]): void {
    this.undoStack.push(ops);
    if (this.undoStack.length > UNDO_LIMIT) this.undoStack.shift();
    this.redoStack = [];
  }

  /** The last change to undo (moved to the redo stack), if any. */
  undo(): RecordOp[] | undefined {
    const ops = this.undoStack.pop();
    if (ops) this.redoStack.push(ops);
    return ops;
  }

  /** The last undone change to do again (moved back to the undo stack), if any. */
  redo(): RecordOp[] | undefined {
    const ops = this.redoStack.pop();
    if (ops) this.undoStack.push(ops);
    return ops;
  }

  /** After a reload or merge from disk the recorded operations no longer apply. */
  clear(): void {
    this.undoStack = [];
    this.redoStack = [];
  }
}
