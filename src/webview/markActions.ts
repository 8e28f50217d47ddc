// What the reader does for each action a mark's explanation offers. The host names the actions by
// command id (markInfo.ts, the same menu the editor's hover and code actions show); the reader maps
// each id to its own operation: open the claim card on a field, show the retype buttons, or post a
// message to the host. Pure (no DOM): test/unit/readerActions.test.ts checks this table against
// the host's list of mark commands, so an id added or renamed on one side fails there.
import { CommandId } from '../host/commandIds';
import type { MarkView, OrphanView, WebviewMessage } from '../core/reader/protocol';

/** The claim card's fields an action may start on (the verdict when none is named). */
export type CardField = 'verdict' | 'claimant' | 'claimType' | 'evidence' | 'note';

export type ReaderAction =
  | { kind: 'card'; label: 'CLAIM' | 'QUOTE'; focus?: CardField }
  | { kind: 'retype' }
  | { kind: 'post'; message: WebviewMessage };

type Handler = (v: MarkView) => ReaderAction | undefined;

const cardOn =
  (focus: CardField): Handler =>
  (v) =>
    v.claim ? { kind: 'card', label: v.label === 'QUOTE' ? 'QUOTE' : 'CLAIM', focus } : undefined;

const ENTITY_KEYS = ['PER', 'LOC', 'ORG', 'MISC'];

const HANDLERS: Readonly<Record<string, Handler>> = {
  [CommandId.TagClaim]: () => ({ kind: 'card', label: 'CLAIM' }),
  [CommandId.TagQuote]: () => ({ kind: 'card', label: 'QUOTE' }),
  [CommandId.SetVerdict]: cardOn('verdict'),
  [CommandId.SetClaimant]: cardOn('claimant'),
  [CommandId.SetClaimType]: cardOn('claimType'),
  [CommandId.AddEvidence]: cardOn('evidence'),
  [CommandId.AddNote]: cardOn('note'),
  [CommandId.AcceptDetection]: (v) => ({ kind: 'post', message: { type: 'review', markId: v.id, status: 'accepted' } }),
  [CommandId.RejectDetection]: (v) => ({ kind: 'post', message: { type: 'review', markId: v.id, status: 'rejected' } }),
  [CommandId.RetypeDetection]: (v) => (ENTITY_KEYS.includes(v.label) || v.detection ? { kind: 'retype' } : undefined),
  [CommandId.RemoveAnnotation]: (v) => (v.recordId ? { kind: 'post', message: { type: 'remove', recordId: v.recordId } } : undefined),
  [CommandId.AddToEntityList]: (v) => ({ kind: 'post', message: { type: 'addToEntityList', markId: v.id } }),
};

/** Every command id the reader knows how to run from a mark's explanation. */
export const READER_COMMANDS: readonly string[] = Object.keys(HANDLERS);

/**
 * The operation behind an action of a mark's (or an orphan's) explanation; undefined: not offered
 * here (the popover shows no button). A note on a record that is not a claim is left to the editor:
 * the reader's card edits claims only.
 */
export function readerAction(command: string, mark: MarkView | undefined, orphan?: OrphanView): ReaderAction | undefined {
  if (orphan) return command === CommandId.RemoveAnnotation ? { kind: 'post', message: { type: 'remove', recordId: orphan.recordId } } : undefined;
  if (!mark || !Object.prototype.hasOwnProperty.call(HANDLERS, command)) return undefined;
  return HANDLERS[command]!(mark);
}
