// Typed mirror of `contributes.configuration`; re-read on change.
import * as vscode from 'vscode';

export type EnableMode = 'auto' | 'always' | 'never';

export interface KhabarConfig {
  enable: EnableMode;
  /** Share of Arabic letters above which a plaintext/markdown document counts as an article in `auto` mode. */
  arabicThreshold: number;
  /** Files larger than this (bytes) are not analysed. */
  maxFileSize: number;
  highlight: {
    entities: boolean;
    figures: boolean;
    claims: boolean;
  };
}

export function readConfig(scope?: vscode.ConfigurationScope): KhabarConfig {
  const c = vscode.workspace.getConfiguration('khabar', scope);
  return {
    enable: c.get<EnableMode>('enable', 'auto'),
    arabicThreshold: c.get<number>('arabicThreshold', 0.5),
    maxFileSize: c.get<number>('maxFileSize', 5 * 1024 * 1024),
    highlight: {
      entities: c.get<boolean>('highlight.entities', true),
      figures: c.get<boolean>('highlight.figures', true),
      claims: c.get<boolean>('highlight.claims', true),
    },
  };
}
