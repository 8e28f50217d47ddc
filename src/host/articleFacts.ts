// What every feature asks first about a document, decided once per document version (and again
// when the settings change): its settings, whether Khabar serves it, its length, whether it is
// detected paragraph by paragraph or too large to analyse, and which highlights are off (the date
// of its dateline, which needs the detection part, is DetectionService's). Before, a decoration
// pass asked config.ts seven times and sampled the text for the article test twice
// (docs/architecture.md, "The data walk").
import * as vscode from 'vscode';
import { arabicRatio } from '../core/arabic';
import type { DecorationKey } from '../core/editor/marks';
import { isGeneratedReport } from '../core/export/reportMarker';
import { isSidecarPath } from '../core/sidecar/suffix';
import { hiddenKeys, readConfig, settingsGeneration, type KhabarConfig } from './config';

export const ARTICLE_LANGUAGE = 'arabic-news';
const CANDIDATE_LANGUAGES = new Set([ARTICLE_LANGUAGE, 'plaintext', 'markdown']);

export interface ArticleFacts {
  readonly config: KhabarConfig;
  /** Khabar serves it (see isArticle). */
  readonly article: boolean;
  /** UTF-16 code units. */
  readonly length: number;
  /** Detected paragraph by paragraph (longer than khabar.performance.paragraphModeThreshold). */
  readonly paragraphMode: boolean;
  /** Longer than khabar.maxFileSize: not analysed. */
  readonly tooLarge: boolean;
  /** The decoration kinds the settings turn off. */
  readonly hidden: ReadonlySet<DecorationKey>;
}

/** Per document: the version, language and settings generation the facts were decided for. */
const known = new WeakMap<vscode.TextDocument, { version: number; languageId: string; generation: number; facts: ArticleFacts }>();

export function articleFacts(document: vscode.TextDocument): ArticleFacts {
  const hit = known.get(document);
  const generation = settingsGeneration();
  // The language is part of the key: VS Code changes a document's language in place, version unchanged.
  if (hit && hit.version === document.version && hit.languageId === document.languageId && hit.generation === generation) return hit.facts;
  const config = readConfig(document.uri);
  const length = documentLength(document);
  const article = decideArticle(document, config);
  const facts: ArticleFacts = {
    config,
    article,
    length,
    paragraphMode: length > config.paragraphModeThreshold,
    tooLarge: length > config.maxFileSize,
    hidden: hiddenKeys(config),
  };
  known.set(document, { version: document.version, languageId: document.languageId, generation, facts });
  return facts;
}

export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

/**
 * Which documents Khabar serves: its own article language always, plaintext and markdown when
 * mostly Arabic (setting `khabar.enable`). A report Khabar generated (its marker on the first line)
 * is never an article, whatever its language; nor is an annotations file.
 */
function decideArticle(document: vscode.TextDocument, config: KhabarConfig): boolean {
  if (!CANDIDATE_LANGUAGES.has(document.languageId)) return false;
  if (isSidecarPath(document.uri.path, config.sidecarSuffix)) return false;
  if (isGeneratedReport(document.getText(new vscode.Range(0, 0, 2, 0)))) return false;
  if (config.enable === 'never') return false;
  if (document.languageId === ARTICLE_LANGUAGE || config.enable === 'always') return true;
  return arabicRatio(document.getText(new vscode.Range(0, 0, 400, 0))) >= config.arabicThreshold;
}
