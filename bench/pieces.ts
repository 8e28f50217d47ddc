// Benchmarks of the pieces around detection: the sidecar store, re-anchoring and the editor's
// per-keystroke update. Each is measured through the piece's public functions; a piece that has
// not landed reports "n/a (not built yet)" rather than a number.

import * as fs from 'fs';
import * as path from 'path';
import { tokenize } from '../src/core/arabic';
import { anchorFor, reanchor } from '../src/core/anchor/anchor';
import { shiftAnchors } from '../src/core/anchor/shift';
import { detect } from '../src/core/detect';
import { benchExport } from './exportBench';
import { detectionsToRecords } from '../src/core/export/fromDetections';
import type { ExportArticle } from '../src/core/export/types';
import { defaultModelPath, readModelBytes } from '../src/platform/node/nerModelFile';
import * as pathModule from 'path';
import type { KeystrokeTiming } from './keystroke';
import { makeVscodeStub, withStubbedVscode } from '../test/fakes/vscode';
import { decodeModel, prepareModel } from '../src/core/entities/tagger';
import type { AnnotationRecord, SidecarData } from '../src/core/annotationRecord';
import { documentInfo } from '../src/core/sidecar/format';
import { parseSidecar } from '../src/core/sidecar/parse';
import { serializeSidecar } from '../src/core/sidecar/serialize';
import { cpuMs } from './clock';
import type { ExportRow, Measured, SidecarRow } from './types';

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeMedian(fn: () => unknown, reps: number): number {
  fn();
  const samples: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = cpuMs();
    fn();
    samples.push(cpuMs() - t0);
  }
  return median(samples);
}

/**
 * N annotations on whole word tokens spread evenly through a text sized so density is that of a
 * richly annotated article (one annotation per ~60 characters).
 */
export function syntheticRecords(source: string, count: number): { text: string; records: AnnotationRecord[] } {
  const want = Math.max(5000, count * 60);
  let text = source;
  while (text.length < want) text += '\n' + source;
  text = text.slice(0, want);
  const words = tokenize(text).filter((t) => t.end - t.start >= 3);
  const step = Math.max(1, Math.floor(words.length / count));
  const labels = ['PER', 'LOC', 'ORG', 'NUMBER'] as const;
  const records: AnnotationRecord[] = [];
  for (let i = 0; i < count && i * step < words.length; i++) {
    const w = words[i * step]!;
    const label = labels[i % labels.length]!;
    records.push({
      id: `b${i + 1}`,
      kind: label === 'NUMBER' ? 'figure' : 'entity',
      label,
      status: 'accepted',
      target: anchorFor(text, w.start, w.end),
    });
  }
  return { text, records };
}

/** An edit an author makes between sessions: a new lead sentence and a word cut from the middle. */
function editedText(text: string): string {
  const lead = 'وفي تطور جديد، أعلنت الجهات المختصة اليوم تفاصيل إضافية. ';
  const mid = text.indexOf(' ', text.length >> 1);
  const next = text.indexOf(' ', mid + 1);
  const cut = mid >= 0 && next > mid ? text.slice(0, mid) + text.slice(next) : text;
  const at = text.indexOf('\n');
  return at > 0 ? cut.slice(0, at + 1) + lead + cut.slice(at + 1) : lead + cut;
}

/**
 * Load = read the file and parseSidecar; save = serializeSidecar over what was loaded, then a
 * temporary file and a rename, as the store writes. Both for the canonical file the writer makes
 * and for one a person has touched (a comment), which takes the slower comment-keeping path.
 */
export function measureSidecar(source: string, counts: readonly number[], tmpDir: string): SidecarRow[] {
  fs.mkdirSync(tmpDir, { recursive: true });
  const file = path.join(tmpDir, 'article.txt.annotations.yaml');
  return counts.map((n) => {
    const { text, records } = syntheticRecords(source, n);
    const reps = n >= 10000 ? 5 : 15;
    const data: SidecarData = { khabar: 1, document: documentInfo(text, 'article.txt'), annotations: records };
    const canonical = serializeSidecar(data);
    const touched = `# checked by the desk on Sunday\n${canonical}`;
    const load = (yaml: string): { ms: number; loaded: Extract<ReturnType<typeof parseSidecar>, { ok: true }> } => {
      fs.writeFileSync(file, yaml);
      let loaded: ReturnType<typeof parseSidecar> | undefined;
      const ms = timeMedian(() => {
        loaded = parseSidecar(fs.readFileSync(file, 'utf8'));
      }, reps);
      if (!loaded?.ok) throw new Error(`bench sidecar with ${n} annotations did not load back`);
      return { ms, loaded };
    };
    const save = (loaded: Extract<ReturnType<typeof parseSidecar>, { ok: true }>): number =>
      timeMedian(() => {
        const out = serializeSidecar(loaded.data, loaded.doc);
        const tmp = `${file}.tmp`;
        fs.writeFileSync(tmp, out);
        fs.renameSync(tmp, file);
      }, reps);
    const plain = load(canonical);
    const saveMs = save(plain.loaded);
    const hand = load(touched);
    const handSaveMs = save(hand.loaded);
    const edited = editedText(text);
    const reanchorMs = timeMedian(() => reanchor(edited, records, { oldLength: text.length }), reps);
    return {
      annotations: records.length,
      textChars: text.length,
      loadMs: plain.ms,
      saveMs,
      handEditedLoadMs: hand.ms,
      handEditedSaveMs: handSaveMs,
      bytes: Buffer.byteLength(canonical),
      reanchorMs,
    };
  });
}

/** One character typed in the middle of a 1 MB article with 20,000 annotations: the anchors move. */
export function measureAnchorShift(text: string): Measured & { annotations: number } {
  const { records } = syntheticRecords(text, 20000);
  const at = text.length >> 1;
  const ms = timeMedian(() => shiftAnchors(records, [{ rangeOffset: at, rangeLength: 0, text: 'ا' }]), 50);
  return { ms, annotations: records.length };
}

/**
 * Keystroke to decorations on a 1 MB article with 2,000 annotations, through the real
 * DecorationManager (bench/keystroke.ts) in the shared stand-in editor, in CPU time like the rest
 * of the bench: the change event, the store's anchor shift, and the pass over the visible lines.
 */
export function measureDecorations(text: string): Measured & { textChars?: number; p95Ms?: number; openMs?: number; marginMs?: number } {
  const { records } = syntheticRecords(text, 2000);
  const root = pathModule.resolve(__dirname, '..', '..');
  const stub = makeVscodeStub({ registrations: 0 });
  const t = withStubbedVscode(stub, () => {
    const m = require(pathModule.join(root, 'bench', 'tmp', 'keystroke.js')) as typeof import('./keystroke');
    return m.measureKeystrokes(stub.fake, root, text, records, { edits: 60, visibleLines: 40, clock: cpuMs });
  }) as KeystrokeTiming;
  return {
    ms: t.medianMs,
    p95Ms: t.p95Ms,
    openMs: t.firstPaintMs + t.fullVisibleMs,
    marginMs: t.marginMedianMs,
    textChars: text.length,
    note:
      `real DecorationManager, stand-in vscode API with a line-array document; median of ${t.edits} edits in ${t.visibleLines} visible lines after ${t.edits} untimed ones; p95 ${t.p95Ms.toFixed(2)} ms, max ${t.maxMs.toFixed(1)} ms ` +
      `(first ${t.edits}, while V8 optimises the path on the main thread: p95 ${t.coldP95Ms.toFixed(1)} ms, max ${t.coldMaxMs.toFixed(1)} ms); ` +
      `the margin pass after it ${t.marginMedianMs.toFixed(2)} ms; opening: first paint (figures) ${t.firstPaintMs.toFixed(0)} ms, ` +
      `full visible lines ${t.fullVisibleMs.toFixed(0)} ms, 80-line margin ${t.marginMs.toFixed(0)} ms; ${t.rangesDrawn} ranges drawn`,
  };
}


/**
 * Loading the shipped entity model as the first analysed article waits for it: reading the file
 * (stored plain since khabar-ner/4 was shipped as models/ner.model: no gunzip), decodeModel() and
 * prepareModel() (since khabar-ner/5 the tables, the lexicon and the phrases are read in place and
 * nothing is built, so the lexicon's first read costs nothing; the stage stays in the note to show it). Median of 7 loads, each reading the file
 * again, each stage timed apart. These loads run warm code; the one load a user pays
 * runs cold: measureColdStart in run.ts times it in fresh processes.
 */
export function measureModelLoad(): Measured & { bytes?: number } {
  const file = defaultModelPath();
  if (!fs.existsSync(file)) return { ms: NaN, note: `n/a (no model at ${file})` };
  const bytes = fs.statSync(file).size;
  const stages: number[][] = [[], [], [], []];
  for (let i = 0; i <= 7; i++) {
    const t0 = cpuMs();
    const raw = readModelBytes(file);
    const t1 = cpuMs();
    const model = prepareModel(decodeModel(raw));
    const t2 = cpuMs();
    if (model.gaz.lex.size === 0) throw new Error('the shipped model has an empty lexicon');
    const t3 = cpuMs();
    // The first load warms the code up and is not counted.
    if (i > 0) [t1 - t0, t2 - t1, t3 - t2, t3 - t0].forEach((ms, k) => stages[k]!.push(ms));
  }
  const [read, decode, lexicon, total] = stages.map(median) as [number, number, number, number];
  const kb = (bytes / 1024).toFixed(0);
  return {
    ms: total,
    bytes,
    note: `${path.relative(process.cwd(), file)} (${kb} KB): reading it ${read.toFixed(1)} ms + decodeModel() and prepareModel() ${decode.toFixed(1)} ms + the lexicon's first read ${lexicon.toFixed(1)} ms; median of 7 warm CPU-timed loads (cold: next row)`,
  };
}

/**
 * Detected claims carry no verdict, and ClaimReview writes only reviewed claims: without one the
 * bench would time an exporter that writes nothing. Each claim gets a verdict and a review URL.
 */
function reviewed(records: AnnotationRecord[], article: number): AnnotationRecord[] {
  const verdicts = ['true', 'mostly-true', 'misleading', 'false'];
  return records.map((r, i) =>
    r.kind === 'claim'
      ? { ...r, claim: { ...r.claim, verdict: verdicts[i % verdicts.length], review: `https://news.example/checks/${article}-${i}` } }
      : r,
  );
}

/**
 * Every export format over the first articles of the corpus with their detections as suggested
 * records, through the export module's own bench (benchExport), which counts output without keeping it.
 */
export async function measureExport(articles: readonly string[]): Promise<ExportRow[]> {
  const input: ExportArticle[] = articles.map((text, i) => ({
    path: `corpus/${String(i + 1).padStart(5, '0')}.txt`,
    text,
    records: reviewed(detectionsToRecords(text, detect(text)), i),
  }));
  const rows = await benchExport(input);
  return rows.map((r) => ({
    format: r.format,
    articles: r.articles,
    records: r.records,
    textMB: r.textMB,
    cpuMs: r.cpuMs,
    mbPerSecond: r.textMB / (r.cpuMs / 1000),
    outputMB: r.outputMB,
    failures: r.failures,
  }));
}
