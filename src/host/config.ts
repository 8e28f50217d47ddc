// Typed mirror of `contributes.configuration`; re-read on change.
import * as os from 'os';
import * as vscode from 'vscode';
import type { DecorationKey, SuggestionMode } from '../core/editor/marks';
import { verdictVocabulary } from '../core/editor/records';
import { webUrl } from '../core/export/articleUrl';
import { DEFAULT_VERDICTS, type VerdictDef } from '../core/annotationRecord';
import { sidecarSuffix } from '../core/sidecar/suffix';

export type EnableMode = 'auto' | 'always' | 'never';
export type ArticleLanguageMode = 'ask' | 'always' | 'never';

export interface KhabarConfig {
  enable: EnableMode;
  /** Share of Arabic letters above which a plaintext/markdown document counts as an article in `auto` mode. */
  arabicThreshold: number;
  /** Files larger than this (characters) are not analysed. */
  maxFileSize: number;
  /** Above this many characters, detection runs per paragraph on what is visible (see core/editor/blocks). */
  paragraphModeThreshold: number;
  highlight: {
    entities: boolean;
    figures: boolean;
    claims: boolean;
    /** Which claim suggestions are drawn (`claims` on): the most check-worthy, the check-worthy, or all. */
    claimSuggestions: SuggestionMode;
    person: boolean;
    place: boolean;
    organisation: boolean;
    misc: boolean;
    taggedClaims: boolean;
    notes: boolean;
    orphans: boolean;
    verdictBadge: boolean;
  };
  /** Lay out lines that are mostly Arabic right to left in the editor (core/editor/styles RTL_LINE_OPTIONS). */
  rightToLeftLines: boolean;
  author: string;
  verdicts: readonly VerdictDef[];
  /** Where articles are published: joined with an article's workspace path when it has no URL of its own (W3C, ClaimReview). */
  exportBaseUrl: string;
  /** The appearance URL of claims when the article gives none. */
  appearanceUrl: string;
  /** The sidecar file suffix, validated (core/sidecar/suffix): the default when the setting is unusable. */
  sidecarSuffix: string;
  /** Why the `sidecarSuffix` setting was not used, when it was not. */
  sidecarSuffixProblem?: string;
  /** Whether a mostly-Arabic plain text or Markdown file is switched to the article language. */
  articleLanguage: ArticleLanguageMode;
}

let cachedUserName: string | undefined;

/** The account name, asked of the OS once (it does not change while VS Code runs). */
function userName(): string {
  if (cachedUserName === undefined) {
    try {
      cachedUserName = os.userInfo().username;
    } catch {
      cachedUserName = '';
    }
  }
  return cachedUserName;
}

/** Settings per resource (its URI, '' for none), built once and dropped when settings or folders change. */
const cache = new Map<string, KhabarConfig>();
const CACHE_LIMIT = 500;
let watching: vscode.Disposable | undefined;
/** Bumped whenever the settings may have changed, so what was derived from them is derived again. */
let generation = 0;

/** Changes when the settings (or the workspace folders) change; constant while they do not. */
export function settingsGeneration(): number {
  return generation;
}

function dropCache(): void {
  cache.clear();
  generation++;
}

/**
 * Starts dropping cached settings when they change. activate() calls it before anything else
 * subscribes to configuration changes, so every other listener reads the new values.
 */
export function watchConfig(): vscode.Disposable {
  watching ??= vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('khabar')) dropCache();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => dropCache()),
  );
  return {
    dispose: () => {
      watching?.dispose();
      watching = undefined;
      dropCache();
    },
  };
}

/**
 * Khabar's settings for a resource: typed, defaulted and validated in one place, and cached, since
 * every decoration pass, hover and command asks for them. The object is shared: do not change it.
 */
export function readConfig(scope?: vscode.Uri): KhabarConfig {
  if (!watching) return buildConfig(scope);
  const key = scope?.toString() ?? '';
  let config = cache.get(key);
  if (!config) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    config = Object.freeze(buildConfig(scope));
    cache.set(key, config);
  }
  return config;
}

function suggestionMode(v: string): SuggestionMode {
  return v === 'all' || v === 'checkWorthy' ? v : 'top';
}

function articleLanguage(v: string): ArticleLanguageMode {
  return v === 'always' || v === 'never' ? v : 'ask';
}

function buildConfig(scope?: vscode.Uri): KhabarConfig {
  const c = vscode.workspace.getConfiguration('khabar', scope);
  const suffix = sidecarSuffix(c.get<unknown>('sidecarSuffix'));
  return {
    enable: c.get<EnableMode>('enable', 'auto'),
    arabicThreshold: c.get<number>('arabicThreshold', 0.5),
    maxFileSize: c.get<number>('maxFileSize', 5 * 1024 * 1024),
    paragraphModeThreshold: c.get<number>('performance.paragraphModeThreshold', 20_000),
    highlight: {
      entities: c.get<boolean>('highlight.entities', true),
      figures: c.get<boolean>('highlight.figures', true),
      claims: c.get<boolean>('highlight.claims', true),
      claimSuggestions: suggestionMode(c.get<string>('highlight.claimSuggestions', 'top')),
      person: c.get<boolean>('highlight.person', true),
      place: c.get<boolean>('highlight.place', true),
      organisation: c.get<boolean>('highlight.organisation', true),
      misc: c.get<boolean>('highlight.misc', true),
      taggedClaims: c.get<boolean>('highlight.taggedClaims', true),
      notes: c.get<boolean>('highlight.notes', true),
      orphans: c.get<boolean>('highlight.orphans', true),
      verdictBadge: c.get<boolean>('highlight.verdictBadge', true),
    },
    rightToLeftLines: c.get<boolean>('editor.rightToLeftLines', true),
    author: c.get<string>('author', '') || userName(),
    verdicts: verdictVocabulary(c.get<unknown>('verdicts'), DEFAULT_VERDICTS),
    appearanceUrl: c.get<string>('appearanceUrl', ''),
    exportBaseUrl: webUrl(c.get<string>('export.baseUrl', '')) ?? '',
    sidecarSuffix: suffix.suffix,
    ...(suffix.problem === undefined ? {} : { sidecarSuffixProblem: suffix.problem }),
    articleLanguage: articleLanguage(c.get<string>('articleLanguage', 'ask')),
  };
}

/** Changes a user-level setting (the only writer of settings, as readConfig is the only reader). */
export function updateGlobalSetting(key: 'articleLanguage', value: ArticleLanguageMode): Thenable<void> {
  return vscode.workspace.getConfiguration('khabar').update(key, value, vscode.ConfigurationTarget.Global);
}

/** The decoration kinds the settings turn off. */
export function hiddenKeys(config: KhabarConfig): Set<DecorationKey> {
  const h = config.highlight;
  const hidden = new Set<DecorationKey>();
  if (!h.entities || !h.person) hidden.add('PER');
  if (!h.entities || !h.place) hidden.add('LOC');
  if (!h.entities || !h.organisation) hidden.add('ORG');
  if (!h.entities || !h.misc) hidden.add('MISC');
  if (!h.figures) hidden.add('figure');
  if (!h.claims) hidden.add('claimSuggestion');
  if (!h.taggedClaims) hidden.add('claimTagged');
  if (!h.notes) hidden.add('note');
  if (!h.orphans) hidden.add('orphan');
  return hidden;
}
