// Khabar's entry point: build the services, register them, push every Disposable.
import type * as vscode from 'vscode';

export function activate(_context: vscode.ExtensionContext): void {}

export function deactivate(): void {}
