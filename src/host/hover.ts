// Hovers that explain a detection: its type, normalised value, and what else the document says.
// Arabic runs are isolated (U+2068/U+2069) so mixed Arabic/Latin lines keep their order.
import * as vscode from 'vscode';
import type { Detection } from '../core/types';
import { isArticle } from './articles';
import type { DetectionService } from './detections';

const LABEL_NAMES: Record<string, string> = {
  PER: 'شخص — person',
  LOC: 'مكان — place',
  ORG: 'مؤسسة — organisation',
  MISC: 'اسم آخر — other name',
  NUMBER: 'عدد — number',
  PERCENT: 'نسبة مئوية — percentage',
  MONEY: 'مبلغ — money',
  QUANTITY: 'كمية — quantity',
  DATE: 'تاريخ — date',
  TIME: 'وقت — time',
  DURATION: 'مدة — duration',
  ORDINAL: 'ترتيب — ordinal',
  CLAIM: 'ادعاء مقترح — claim suggestion',
};

export function isolate(s: string): string {
  return `\u2068${s}\u2069`;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => '\\' + c);
}

export function hoverMarkdown(d: Detection): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.isTrusted = false;
  md.supportHtml = false;
  md.appendMarkdown(`**${escapeMd(LABEL_NAMES[d.label] ?? d.label)}** · ${escapeMd(isolate(d.text))}\n\n`);
  if (d.kind === 'figure') {
    for (const [k, v] of Object.entries(d.value)) md.appendMarkdown(`- ${k}: ${escapeMd(isolate(String(v)))}\n`);
  } else if (d.kind === 'entity') {
    if (d.canonical && d.canonical !== d.text) md.appendMarkdown(`- ${escapeMd(isolate(d.canonical))}\n`);
    if (d.gloss) md.appendMarkdown(`- ${escapeMd(isolate(d.gloss))}\n`);
    if (d.mentions) md.appendMarkdown(`- mentions: ${d.mentions}\n`);
  } else {
    md.appendMarkdown(`- claimant: ${d.claimant ? escapeMd(isolate(d.claimant.text)) : '—'}\n`);
    md.appendMarkdown(`- check-worthiness: ${d.checkWorthiness.toFixed(2)}\n`);
  }
  return md;
}

export class DetectionHoverProvider implements vscode.HoverProvider {
  constructor(private readonly detections: DetectionService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    if (!isArticle(document)) return undefined;
    const offset = document.offsetAt(position);
    const hits = this.detections.at(document, offset);
    if (hits.length === 0) return undefined;
    const first = hits[0]!;
    return new vscode.Hover(
      hits.map((d) => hoverMarkdown(d)),
      new vscode.Range(document.positionAt(first.start), document.positionAt(first.end)),
    );
  }
}
