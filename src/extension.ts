// Khabar's entry point: build the services, register them, push every Disposable.
import * as vscode from 'vscode';
import { registerCommands } from './host/commands';
import { DecorationManager } from './host/decorations';
import { DetectionService } from './host/detections';
import { DetectionHoverProvider } from './host/hover';

/** What activate() returns: used by the e2e tests (decorations cannot be read back through the API). */
export interface KhabarApi {
  detections: DetectionService;
  decorations: DecorationManager;
  activationMs: number;
}

const SELECTOR: vscode.DocumentSelector = [
  { language: 'arabic-news' },
  { language: 'plaintext' },
  { language: 'markdown' },
];

export function activate(context: vscode.ExtensionContext): KhabarApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Khabar');
  const detections = new DetectionService();
  const decorations = new DecorationManager(detections);
  context.subscriptions.push(
    output,
    detections,
    decorations,
    vscode.languages.registerHoverProvider(SELECTOR, new DetectionHoverProvider(detections)),
    ...registerCommands(detections, decorations, output),
  );
  return { detections, decorations, activationMs: performance.now() - started };
}

export function deactivate(): void {}
