// Detections per open document, computed once per version and cached; stale work is dropped.
import * as vscode from 'vscode';
import { detect } from '../core/detect';
import type { Detection } from '../core/types';
import { readConfig } from './config';

interface Entry {
  version: number;
  detections: readonly Detection[];
}

export class DetectionService implements vscode.Disposable {
  private readonly cache = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.emitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
      this.emitter,
    );
  }

  /** Detections for the document's current version; recomputed only when the text changed. */
  get(document: vscode.TextDocument): readonly Detection[] {
    const key = document.uri.toString();
    const hit = this.cache.get(key);
    if (hit && hit.version === document.version) return hit.detections;
    const text = document.getText();
    if (text.length > readConfig(document.uri).maxFileSize) return [];
    const detections = detect(text);
    this.cache.set(key, { version: document.version, detections });
    this.emitter.fire(document.uri);
    return detections;
  }

  /** Cached detections without computing. */
  peek(document: vscode.TextDocument): readonly Detection[] | undefined {
    const hit = this.cache.get(document.uri.toString());
    return hit && hit.version === document.version ? hit.detections : undefined;
  }

  /** The detection under an offset, innermost first. */
  at(document: vscode.TextDocument, offset: number): Detection[] {
    return this.get(document)
      .filter((d) => d.start <= offset && offset < d.end)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.cache.clear();
  }
}
