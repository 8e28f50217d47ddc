// The shape of bench/results.json: written by run.ts, rendered by report.ts. A measurement that
// could not be taken is null with a note saying why, never a made-up number.

export interface Machine {
  cpu: string;
  cores: number;
  /** os.availableParallelism(): what nproc prints. */
  nproc: number;
  memoryGB: number;
  platform: string;
  node: string;
  /** 1-minute load average when the run started: the machine may be shared. */
  loadAverage: number;
}

/** Times are CPU ms of the bench process unless named wall. */
export interface StageResult {
  name: string;
  chars: number;
  ms: number;
  wallMs: number;
  charsPerSecond: number;
}

export interface Measured {
  ms: number | null;
  note?: string;
}

export interface SidecarRow {
  annotations: number;
  /** Characters of article text the annotations sit in. */
  textChars: number;
  loadMs: number | null;
  saveMs: number | null;
  reanchorMs: number | null;
  /** The same file with a person's comment on top: the comment-keeping path. */
  handEditedLoadMs?: number | null;
  handEditedSaveMs?: number | null;
  /** Sidecar size in bytes when save was measured. */
  bytes?: number;
  note?: string;
}

export interface ScalingPoint {
  chars: number;
  detectMs: number;
  tokenizeMs: number;
  reps: number;
}

export interface ExportRow {
  format: string;
  articles: number;
  records: number;
  /** UTF-8 MB (10^6 bytes) of article text. */
  textMB: number;
  cpuMs: number;
  /** MB of article text exported per CPU second. */
  mbPerSecond: number;
  outputMB: number;
  failures: number;
}

/** Whole files in fresh processes (bench/bigFile.ts). */
export interface BigFiles {
  paragraphs: import('./bigFile').BigFileResult[];
  oneLine: import('./bigFile').BigFileResult[];
  /** The corpus joined into one file (3 MB of it with --quick). */
  corpus: import('./bigFile').BigFileResult;
  quick: boolean;
  /** Time of the largest over the second largest (a 2× step: 2 is linear). */
  lastRatio: number;
  lastRatioOneLine: number;
}

export interface Results {
  schema: 1;
  date: string;
  machine: Machine;
  corpus: { source: string; generated: boolean; note?: string; articles: number; chars: number };
  stages: StageResult[];
  /** Pipeline time divided by a bare tokenize() pass over the same articles, same run. */
  pipelineOverTokenize: number;
  bigFiles?: BigFiles;
  perArticle: { size: number; count: number; medianMs: number; p95Ms: number; maxMs: number };
  scaling: {
    points: ScalingPoint[];
    slope: number;
    nsPerCharSmall: number;
    nsPerCharLarge: number;
    /** Each recogniser alone at two sizes; ratio = largeMs / smallMs (10 is linear for a 10× size step). */
    stages?: Array<{ name: string; smallChars: number; largeChars: number; smallMs: number; largeMs: number; ratio: number }>;
  };
  sidecar: SidecarRow[];
  export?: ExportRow[];
  decorationPerKeystroke: Measured & { textChars?: number; p95Ms?: number; openMs?: number; blocksPerEdit?: number };
  /** Decoding the shipped entity model: paid once, by the first article analysed. */
  modelLoad?: Measured & { bytes?: number };
  /** The same load in fresh processes (cold code), and load plus the first small article's detect(). */
  modelLoadCold?: Measured & { firstArticleMs?: number };
  /** Re-anchoring judged against where each annotated character went (bench/anchoring.ts). */
  reanchoring?: import('./anchoring').AnchoringResult;
  /** shiftAnchors() for one typed character in a 1 MB article: the store's part of a keystroke. */
  anchorShiftPerKeystroke: Measured & { annotations?: number };
  /** Fresh processes (bench/activationBench.ts): medians, with the minimum beside each. */
  activation: {
    loadMs: number | null;
    activateMs: number | null;
    loadMinMs?: number;
    activateMinMs?: number;
    /** CPU time of require + activate() (median), steadier than wall time on a loaded machine. */
    loadActivateCpuMs?: number;
    registrations?: number;
    processes?: number;
    /** require + activate + a small article opened until its full detection is drawn. */
    firstArticleMs?: number;
    firstArticleMinMs?: number;
    firstArticleCpuMs?: number;
    firstArticleChars?: number;
    /** The build's files loaded when activate() returned, and after the article. */
    loadedAtActivation?: string[];
    loadedAfterArticle?: string[];
    /** The same article with an annotations file beside it (loads dist/sidecar.js too): median wall clock and CPU, and the files loaded. */
    firstAnnotatedArticleMs?: number;
    firstAnnotatedArticleCpuMs?: number;
    loadedAfterAnnotatedArticle?: string[];
    note: string;
  };
  /** productionBytes: extension.js, what activation loads; lazyParts: the files it loads on first use. */
  bundle: { productionBytes: number | null; productionGzipBytes: number | null; devBytes: number | null; lazyParts?: Record<string, number> };
  peakRssMB: number;
  /** Peak RSS reached by the end of each phase (monotonic): which phase set the peak. */
  peakRssByPhaseMB?: Record<string, number>;
  totalSeconds: number;
}
