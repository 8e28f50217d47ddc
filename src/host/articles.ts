// Which documents Khabar serves: its own article language always, plaintext and markdown when
// mostly Arabic (setting `khabar.enable`). Decided once per document version, cheaply. A report
// Khabar generated (its marker on the first line) is never an article, whatever its language.
import * as vscode from 'vscode';
import { arabicRatio } from '../core/arabic';
import { isGeneratedReport } from '../core/export/reportMarker';
import { isSidecarPath } from '../core/sidecar/suffix';
import { readConfig } from './config';

export const ARTICLE_LANGUAGE = 'arabic-news';
const CANDIDATE_LANGUAGES = new Set([ARTICLE_LANGUAGE, 'plaintext', 'markdown']);

export function isArticle(document: vscode.TextDocument): boolean {
  if (!CANDIDATE_LANGUAGES.has(document.languageId)) return false;
  const config = readConfig(document.uri);
  if (isSidecarPath(document.uri.path, config.sidecarSuffix)) return false;
  if (isGeneratedReport(document.getText(new vscode.Range(0, 0, 2, 0)))) return false;
  if (config.enable === 'never') return false;
  if (document.languageId === ARTICLE_LANGUAGE || config.enable === 'always') return true;
  return arabicRatio(document.getText(new vscode.Range(0, 0, 400, 0))) >= config.arabicThreshold;
}
