// Registers *Khabar: Export…* at activation; its implementation (exportCommand.ts, the formats and
// the report) is loaded from dist/exporters.js when the command first runs.
import * as vscode from 'vscode';
import { CommandId } from './commandIds';
import { registerCommand } from './commandRegistry';
import type { ExportCommandDeps } from './exportCommand';
import { detectionModule, exportersModule, sidecarModule } from './lazy/load';

export function registerExportCommand(context: vscode.ExtensionContext, deps: ExportCommandDeps = {}): void {
  context.subscriptions.push(
    registerCommand(CommandId.Export, (uri?: unknown) =>
      exportersModule().runExportCommand(uri instanceof vscode.Uri ? uri : undefined, { ...deps, parts: { detection: detectionModule, sidecar: sidecarModule } }),
    ),
  );
}
