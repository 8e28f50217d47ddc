// Hovers for every kind of mark, rendered from the description markInfo.ts builds (the reader shows
// the same one). Text from the article or the sidecar is escaped and isolated; command links name
// only Khabar's commands and carry only the offset.
import * as vscode from 'vscode';
import { infoMarkdown } from '../core/editor/markInfo';
import type { Mark } from '../core/editor/marks';
import type { VerdictDef } from '../core/annotationRecord';
import type { AnnotationIndex } from './annotations';
import { isArticle } from './articles';
import { CommandId } from './commandIds';
import { readConfig } from './config';
import { markInfo } from './markInfo';

/** The commands hover links may run; passed to `isTrusted.enabledCommands`. */
export const HOVER_COMMANDS: readonly string[] = [
  CommandId.AcceptDetection,
  CommandId.RejectDetection,
  CommandId.RetypeDetection,
  CommandId.TagClaim,
  CommandId.TagQuote,
  CommandId.SetVerdict,
  CommandId.SetClaimant,
  CommandId.SetClaimType,
  CommandId.AddEvidence,
  CommandId.AddNote,
  CommandId.RemoveAnnotation,
  CommandId.AddToEntityList,
];

/** `wholeText`: the article's text when it is detected paragraph by paragraph (long articles). */
export function markHover(m: Mark, verdicts: readonly VerdictDef[], wholeText?: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
  md.supportHtml = false;
  md.appendMarkdown(infoMarkdown(markInfo(m, verdicts, wholeText), m.start));
  return md;
}

export class AnnotationHoverProvider implements vscode.HoverProvider {
  constructor(private readonly index: AnnotationIndex) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isArticle(document)) return undefined;
    const offset = document.offsetAt(position);
    const hits = this.index.at(document, offset).filter((m) => m.key !== 'orphan');
    // Orphans are drawn in the gutter of their last line: hovering the line's first character explains them.
    if (position.character <= 1) {
      const line = position.line;
      hits.push(...this.index.marks(document, undefined, line, line).filter((m) => m.key === 'orphan' && document.positionAt(m.start).line === line));
    }
    if (hits.length === 0) return undefined;
    const verdicts = readConfig(document.uri).verdicts;
    const first = hits[0]!;
    if (first.key === 'orphan') return new vscode.Hover(hits.map((m) => markHover(m, verdicts)));
    const wholeText = this.index.detections.paragraphMode(document) && hits.some((m) => m.detection?.kind === 'entity') ? document.getText() : undefined;
    return new vscode.Hover(
      hits.map((m) => markHover(m, verdicts, wholeText)),
      new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)),
    );
  }
}
