// `npm run train` and `npm run eval`: rebuild the shipped entity model from the ANERcorp train
// part, or score the pipeline on the dev split (the last 10% of train sentences) and on AQMAR.
//
//   npm run train                       full train file → models/ner.model
//   npm run train -- --dev              first 90% only → out/ner/dev.model.gz
//   node scripts/ner/run.js rewrite [FILE [TO]]   a model file (default the shipped one) written
//                                       again in the current layout, not retrained: to TO when
//                                       given (gzipped if TO ends in .gz, else plain), else in place;
//                                       `rewrite models/ner.model.gz models/ner.model` turns the
//                                       gzipped ner.model.gz shipped before into today's plain file
//   npm run eval -- --dev [--retrain]   dev scores (trains the dev model if missing)
//   npm run eval -- --aqmar             out-of-domain scores on AQMAR (Wikipedia)
//   npm run eval -- --conll A,B         the shipped model's scores on labelled CoNLL files of your
//                                       own (add --errors to list the sentences it got wrong)
//   npm run eval -- --spans A,B         the same on character-span files (JSON lines, see
//                                       evaluate.ts readSpanFile): exact spans, proclitics outside
//   npm run eval -- --modern A          the same on the modern-news set A (labels in
//                                       data/modern-news/, text from ../shared/corpus; the span
//                                       files are built into out/modern-news/ first, hashes checked)
//   node scripts/ner/run.js modern A,B [--out DIR]   only build those span files
//   npm run eval -- --dev --aqmar --write   also writes models/EVAL.md
//   npm run eval -- --tune [--retrain]  tuning scores: trains on the first 80% of sentences
//                                       (out/ner/tune.model.gz), scores sentences [80%, 90%).
//                                       Feature and setting choices are made here, so that the
//                                       dev split stays a one-time report.
//
// Training options (defaults in DEFAULT_TRAIN): --trainer perceptron|crf|ensemble, --seed,
// --epochs and --runs (perceptron), --crf-epochs, --c2, --eta0, --avg-epochs, --crf-min-weight,
// --crf-share (CRF and ensemble); --model FILE names the tune model, so seeds can run in parallel.
// Every training set also holds the sentences in data/ner/written/ (--no-written leaves them out;
// --extra A.conll,B.conll adds more labelled files, to try a file before it joins the folder).

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { findEntities, type EntityOptions } from '../../src/core/entities/findEntities';
import { decodeModel, encodeModel, pruneTable, type TaggerModel } from '../../src/core/entities/tagger';
import { modelFileBytes, readModelFile } from '../../src/platform/node/nerModelFile';
import { formatScore, formatSpanErrors, predictLabels, readSpanFile, score, scoreSpans, type Score } from './evaluate';
import { parseSets, writeSpanFiles } from './modernNews';
import { addTypeBias, DEFAULT_TRAIN, parseTypeBias, readConll, train, type Sentence, type TrainOptions } from './train';

const ROOT = process.cwd();
const DATA = path.resolve(ROOT, '..', 'shared', 'data');
const TRAIN_FILE = path.join(DATA, 'anercorp-train', 'train.txt');
const AQMAR_DIR = path.join(DATA, 'aqmar');
const WRITTEN_DIR = path.join(ROOT, 'data', 'ner', 'written');
const SHIPPED = path.join(ROOT, 'models', 'ner.model');
const DEV_MODEL = path.join(ROOT, 'out', 'ner', 'dev.model.gz');
// --model FILE: another tune or dev model file (parallel runs with different seeds).
const TUNE_MODEL = arg('model') ?? path.join(ROOT, 'out', 'ner', 'tune.model.gz');
const MODERN_LABELS = path.join(ROOT, 'data', 'modern-news', 'labels.jsonl');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'saudinewsnet-3000.jsonl');
const MODERN_OUT = path.join(ROOT, 'out', 'modern-news');
const DEV_SHARE = 0.1;
const TUNE_SHARE = 0.1;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);

type NumericOption = { [K in keyof TrainOptions]-?: TrainOptions[K] extends number ? K : never }[keyof TrainOptions];

/** Command-line flag → numeric training option. */
const NUMERIC_FLAGS: ReadonlyArray<[string, NumericOption]> = [
  ['epochs', 'epochs'],
  ['seed', 'seed'],
  ['folds', 'folds'],
  ['min-o-count', 'minOCount'],
  ['min-weight', 'minWeight'],
  ['word-dropout', 'wordDropout'],
  ['runs', 'runs'],
  ['c2', 'c2'],
  ['eta0', 'eta0'],
  ['avg-epochs', 'averageEpochs'],
  ['crf-epochs', 'crfEpochs'],
  ['crf-min-weight', 'crfMinWeight'],
  ['crf-share', 'crfShare'],
];
const TRAINERS: ReadonlyArray<TrainOptions['trainer']> = ['perceptron', 'crf', 'ensemble'];

function trainOptions(): TrainOptions {
  const options: TrainOptions = { ...DEFAULT_TRAIN, log: (s) => console.error(s) };
  for (const [flag, key] of NUMERIC_FLAGS) {
    const value = arg(flag);
    if (value === undefined) continue;
    if (value.trim() === '' || !Number.isFinite(Number(value))) throw new Error(`--${flag} needs a number, not ${JSON.stringify(value)}`);
    options[key] = Number(value);
  }
  const trainer = arg('trainer');
  if (trainer !== undefined) {
    const known = TRAINERS.find((t) => t === trainer);
    if (!known) throw new Error(`--trainer is one of ${TRAINERS.join(', ')}, not ${JSON.stringify(trainer)}`);
    options.trainer = known;
  }
  return options;
}

export function splitDev(all: Sentence[]): { trainPart: Sentence[]; devPart: Sentence[] } {
  const cut = Math.round(all.length * (1 - DEV_SHARE));
  return { trainPart: all.slice(0, cut), devPart: all.slice(cut) };
}

/** Tuning split: train on [0, 80%), score [80%, 90%); the last 10% (dev) is not touched. */
export function splitTune(all: Sentence[]): { trainPart: Sentence[]; devPart: Sentence[] } {
  const devCut = Math.round(all.length * (1 - DEV_SHARE));
  const cut = Math.round(all.length * (1 - DEV_SHARE - TUNE_SHARE));
  return { trainPart: all.slice(0, cut), devPart: all.slice(cut, devCut) };
}

/**
 * Sentences Khabar's authors wrote and labelled in ANERcorp's conventions (data/ner/written/):
 * modern news, which ANERcorp's 2006 text has little of. They are in every training set, dev and
 * tune included, since none of them is ANERcorp text; `--no-written` leaves them out, and
 * `--extra A,B` adds more CoNLL files.
 */
function writtenSentences(): Sentence[] {
  const files = (arg('extra') ?? '').split(',').filter(Boolean);
  if (!has('no-written') && fs.existsSync(WRITTEN_DIR)) {
    const written = fs.readdirSync(WRITTEN_DIR).filter((n) => n.endsWith('.conll')).sort();
    files.unshift(...written.map((n) => path.join(WRITTEN_DIR, n)));
  }
  return files.flatMap((f) => readConll(f));
}

function trainAndSave(sentences: Sentence[], out: string, extraMeta: Record<string, string | number>): TaggerModel {
  const t0 = Date.now();
  const written = writtenSentences();
  if (written.length) extraMeta = { ...extraMeta, written: written.length };
  const model = train([...sentences, ...written], trainOptions());
  Object.assign(model.meta, extraMeta);
  const bytes = modelFileBytes(model, out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, bytes);
  console.error(`wrote ${path.relative(ROOT, out)} (${(bytes.length / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return decodeModel(encodeModel(model));
}

function readAqmar(): Sentence[] {
  const out: Sentence[] = [];
  for (const f of fs.readdirSync(AQMAR_DIR).filter((n) => n.endsWith('.txt')).sort()) {
    out.push(...readConll(path.join(AQMAR_DIR, f)));
  }
  return out;
}

/** Time findEntities on the first 5,000 characters: minimum and median of 300 runs, and CPU time. */
function speed(model: TaggerModel, sample: string): { min: number; median: number; cpu: number; chars: number } {
  const text = sample.slice(0, 5000);
  const options: EntityOptions = { model };
  for (let i = 0; i < 50; i++) findEntities(text, options);
  const times: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < 300; i++) {
    const t0 = process.hrtime.bigint();
    findEntities(text, options);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  const cpu = process.cpuUsage(c0);
  times.sort((a, b) => a - b);
  return { min: times[0]!, median: times[150]!, cpu: (cpu.user + cpu.system) / 1000 / 300, chars: text.length };
}

type Speed = ReturnType<typeof speed>;

/**
 * speed() in a fresh process that holds only the model: the eval process has just read (and
 * maybe trained on) the whole corpus, and its heap makes the collector run during the timing.
 */
function speedApart(modelFile: string, sample: string): Speed {
  const tmp = path.join(os.tmpdir(), `khabar-speed-${process.pid}.txt`);
  fs.writeFileSync(tmp, sample);
  try {
    const r = spawnSync(process.execPath, [process.argv[1]!, 'speed', modelFile, tmp], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`speed run failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as Speed;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function report(title: string, s: Score): string {
  const md = formatScore(s, title);
  console.log(md + '\n');
  return md;
}

/**
 * `modern A,B [--out DIR]` and `eval --modern A`: the modern-news span files, built from
 * data/modern-news/labels.jsonl and the corpus (hashes checked) into out/modern-news/ or DIR.
 */
function modernSpanFiles(sets: string, print: boolean): string[] {
  const files = writeSpanFiles(MODERN_LABELS, CORPUS, parseSets(sets), arg('out') ?? MODERN_OUT);
  if (print) for (const file of files) console.log(file);
  return files;
}

function main(): void {
  const command = process.argv[2];
  if (command === 'speed') {
    // speed MODEL TEXT: used by eval through speedApart().
    const model = readModelFile(process.argv[3]!);
    console.log(JSON.stringify(speed(model, fs.readFileSync(process.argv[4]!, 'utf8'))));
    return;
  }
  if (command === 'modern') return void modernSpanFiles(process.argv[3]?.startsWith('--') ? 'A' : (process.argv[3] ?? 'A'), true);
  if (command === 'rewrite') {
    // rewrite [FILE [TO]]: the model file (default the shipped one) written again in the current
    // layout, without retraining: the same weights, words and phrases; to TO when given.
    const given = process.argv.slice(3).filter((a) => !a.startsWith('--'));
    const file = given[0] ? path.resolve(given[0]) : SHIPPED;
    const to = given[1] ? path.resolve(given[1]) : file;
    const before = fs.readFileSync(file);
    const after = modelFileBytes(readModelFile(file), to);
    fs.writeFileSync(to, after);
    const same = to === file && before.equals(after) ? ' (unchanged)' : '';
    console.log(`${path.relative(ROOT, file)} (${before.length} bytes) → ${path.relative(ROOT, to)} (${after.length} bytes)${same}`);
    return;
  }
  const all = readConll(TRAIN_FILE);
  if (command === 'train') {
    if (has('dev')) {
      trainAndSave(splitDev(all).trainPart, DEV_MODEL, { data: 'ANERcorp train part, first 90% of sentences' });
    } else if (has('tune')) {
      trainAndSave(splitTune(all).trainPart, TUNE_MODEL, { data: 'ANERcorp train part, first 80% of sentences' });
    } else {
      trainAndSave(all, arg('out') ?? SHIPPED, { data: 'ANERcorp (CAMeL Lab split) train part, all sentences' });
    }
    return;
  }
  if (command !== 'eval') {
    console.error('usage: main.ts train [--dev|--tune] | rewrite [FILE [TO]] | modern A,B,C [--out DIR] | eval [--dev|--tune] [--aqmar] [--conll FILE,...] [--spans FILE,...] [--modern A,B,C] [--errors] [--retrain] [--no-doc] [--write]');
    process.exitCode = 2;
    return;
  }
  const tune = has('tune');
  const { trainPart, devPart } = tune ? splitTune(all) : splitDev(all);
  // --conll alone scores the shipped model (or --model FILE); it never trains one.
  const conllOnly = (has('conll') || has('spans') || has('modern')) && !tune && !has('dev') && !has('aqmar');
  const modelFile = tune ? TUNE_MODEL : conllOnly ? (arg('model') ?? SHIPPED) : DEV_MODEL;
  const sections: string[] = [];
  let model: TaggerModel;
  if (conllOnly) {
    if (!fs.existsSync(modelFile)) throw new Error(`no model at ${modelFile}: run npm run train first`);
    model = readModelFile(modelFile);
  } else if (has('retrain') || !fs.existsSync(modelFile)) {
    model = trainAndSave(trainPart, modelFile, {
      data: `ANERcorp train part, first ${tune ? 80 : 90}% of sentences`,
    });
  } else {
    model = readModelFile(modelFile);
  }
  if (arg('o-bias') !== undefined) model.meta.oBias = Number(arg('o-bias'));
  // --type-bias ORG=1.5,MISC=1: a margin for starting a name of that type, added to the
  // transitions into its B- label (what the trained weights would say, shifted towards recall).
  if (arg('type-bias') !== undefined) addTypeBias(model, parseTypeBias(arg('type-bias')!));
  if (arg('prune') !== undefined) {
    model.emit = pruneTable(model.emit, Number(arg('prune')));
    console.error(`pruned to ${model.emit.size} features`);
  }
  const options: EntityOptions = { model, document: !has('no-doc') };
  const doDev = tune || has('dev') || !(has('aqmar') || conllOnly);
  if (doDev) {
    const s = score(devPart, predictLabels(devPart, options));
    const title = tune
      ? `### Tune split: sentences ${trainPart.length}–${trainPart.length + devPart.length - 1} of train.txt (model trained on the first ${trainPart.length}${writtenNote(model)})`
      : `### Dev split: last ${devPart.length} sentences of train.txt (model trained on the first ${trainPart.length}${writtenNote(model)})`;
    sections.push(report(title, s));
    if (has('errors')) printErrors(devPart, predictLabels(devPart, options));
  }
  if (has('aqmar')) {
    const aq = readAqmar();
    const s = score(aq, predictLabels(aq, options));
    sections.push(report(`### AQMAR (Wikipedia, out of domain; never trained on, used only as a generalisation check): ${aq.length} sentences`, s));
  }
  // --conll A.conll,B.conll: also score labelled files of your own (CoNLL `token TAG`, BIO with
  // PER or PERS, LOC, ORG, MISC or MIS*), each file read as one document, as khabar detect sees it.
  for (const file of (arg('conll') ?? '').split(',').filter(Boolean)) {
    if (!fs.existsSync(file)) throw new Error(`--conll: no file at ${file}`);
    const unknown = new Map<string, number>();
    const sentences = readConll(file, unknown);
    if (sentences.length === 0) throw new Error(`--conll: ${file} has no \`token TAG\` lines`);
    if (unknown.size > 0) {
      const list = [...unknown].map(([tag, n]) => `${tag} ×${n}`).join(', ');
      console.error(`${file}: tags read as O (not BIO over PER/PERS, LOC, ORG, MISC): ${list}`);
    }
    const predicted = predictLabels(sentences, options);
    sections.push(report(`### ${path.basename(file)}: ${sentences.length} sentences`, score(sentences, predicted)));
    if (has('errors')) printErrors(sentences, predicted);
  }
  // --spans A.jsonl,B.jsonl: labelled character spans (proclitics outside, as Khabar's output has
  // them), each file one document: exact spans, and the same with spans widened to whole words.
  const modernFiles = has('modern') ? modernSpanFiles(arg('modern') ?? '', false) : [];
  for (const file of [...(arg('spans') ?? '').split(',').filter(Boolean), ...modernFiles]) {
    const doc = readSpanFile(file);
    const found = findEntities(doc.text, options);
    const r = scoreSpans(doc, found);
    sections.push(report(`### ${path.basename(file)}: ${doc.lines} sentences, exact character spans`, r.exact));
    sections.push(report(`### ${path.basename(file)}: the same, spans widened to whole words`, r.words));
    if (has('errors')) console.log(formatSpanErrors(doc, found));
  }
  // --no-speed skips the timing runs (tuning loops only need the scores).
  if (!has('no-speed')) {
    const devText = devPart.map((s) => s.tokens.join(' ')).join('\n');
    const sp = speedApart(modelFile, devText);
    const load = os.loadavg()[0]!.toFixed(1);
    const speedLine =
      `Speed (findEntities with document rules, model loaded, ${process.version}, ${os.cpus().length} CPUs, ` +
      `load average ${load}): ${sp.chars} characters of dev text in ${sp.min.toFixed(2)} ms (fastest of 300 runs), ` +
      `${sp.median.toFixed(2)} ms median, ${sp.cpu.toFixed(2)} ms CPU per run.`;
    console.log(speedLine);
    sections.push(speedLine);
    const articles = path.join(ROOT, '..', 'shared', 'articles');
    if (fs.existsSync(articles)) {
      for (const f of fs.readdirSync(articles).filter((n) => n.endsWith('.txt'))) {
        const a = speedApart(modelFile, fs.readFileSync(path.join(articles, f), 'utf8'));
        const line = `Speed on a real news article (${a.chars} characters, untokenised): ${a.min.toFixed(2)} ms fastest, ${a.median.toFixed(2)} ms median.`;
        console.log(line);
        sections.push(line);
      }
    }
    const t0 = process.hrtime.bigint();
    readModelFile(SHIPPED);
    const loadLine = `Loading the shipped model (${(fs.statSync(SHIPPED).size / 1024).toFixed(0)} KB, first call only): ${(Number(process.hrtime.bigint() - t0) / 1e6).toFixed(0)} ms.`;
    console.log(loadLine);
    sections.push(loadLine);
  }
  if (has('write') && !tune) {
    const header = [
      '# Entity recogniser: measured scores',
      '',
      'conlleval exact-span convention (entity-level micro F1), clitics inside spans as ANERcorp has them.',
      'Scored through the whole `findEntities` pipeline on one sentence per line, tokens joined by spaces,',
      'exactly as `khabar detect` sees the held-out file. Reproduce with `npm run eval -- --dev --aqmar --retrain`.',
      `Model: ${describeTrainer(model.meta)}, seed ${model.meta.seed}, ${model.meta.folds}-fold jackknifed gazetteer features.`,
      '',
      '',
    ];
    // The notes below the tables are written by hand (what was tuned on what); keep them.
    const evalFile = path.join(ROOT, 'models', 'EVAL.md');
    const previous = fs.existsSync(evalFile) ? fs.readFileSync(evalFile, 'utf8') : '';
    const notesAt = previous.indexOf('\n### Notes');
    const notes = notesAt >= 0 ? previous.slice(notesAt) : '';
    fs.writeFileSync(evalFile, header.join('\n') + sections.join('\n\n') + '\n' + notes);
  }
}

/** « and the N written sentences» when the model was trained with them (its meta says). */
function writtenNote(model: TaggerModel): string {
  return model.meta.written ? ` and the ${model.meta.written} written sentences` : '';
}

function describeTrainer(meta: Record<string, string | number>): string {
  const perceptron = `averaged perceptron (${meta.runs ?? 1} run(s) with their weights averaged, ${meta.epochs} epochs)`;
  const crf = `linear-chain CRF (L2 ${meta.c2}, ${meta.crfEpochs} SGD epochs, the last ${meta.averageEpochs} averaged)`;
  if (meta.trainer === 'crf') return crf;
  if (meta.trainer === 'ensemble') return `${perceptron} + ${crf}, weights added after matching scales`;
  return perceptron;
}

function printErrors(gold: Sentence[], pred: number[][]): void {
  const names = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC'];
  gold.forEach((s, i) => {
    const p = pred[i]!;
    if (s.labels.every((y, k) => y === p[k])) return;
    console.log(s.tokens.map((t, k) => (s.labels[k] === p[k] ? t : `${t}[${names[s.labels[k]!]}|${names[p[k]!]}]`)).join(' '));
  });
}

main();
