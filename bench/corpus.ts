// Where the bench's text comes from: the shared SaudiNewsNet sample read by path (never copied into
// the repo), any folder or file given, or, when none is there, generated news-like text that the
// report labels as such. Generated text is written here from scratch, in the style of wire copy.

import * as fs from 'fs';
import * as path from 'path';

export const DEFAULT_CORPUS = '../shared/corpus/saudinewsnet-3000.jsonl';

export interface Corpus {
  /** The path read, or "generated". */
  source: string;
  generated: boolean;
  /** Why generated text was used, when it was. */
  note?: string;
  articles: string[];
}

export function loadCorpus(arg: string | undefined, root: string): Corpus {
  const requested = arg ?? DEFAULT_CORPUS;
  const full = path.resolve(root, requested);
  if (!fs.existsSync(full)) {
    return {
      source: 'generated',
      generated: true,
      note: `${requested} not found; using generated text`,
      articles: generateArticles(600, 1),
    };
  }
  const files = fs.statSync(full).isDirectory() ? listFiles(full) : [full];
  const articles: string[] = [];
  for (const f of files) articles.push(...readArticles(f));
  if (articles.length === 0) {
    return { source: 'generated', generated: true, note: `${requested} holds no articles; using generated text`, articles: generateArticles(600, 1) };
  }
  return { source: path.relative(root, full) || full, generated: false, articles };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (/\.(jsonl|txt|news|article|md)$/.test(e.name)) out.push(p);
  }
  return out;
}

/** JSONL: the `content` of each line (SaudiNewsNet's field); any other file: one article. */
function readArticles(file: string): string[] {
  const raw = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  if (!file.endsWith('.jsonl')) return [raw];
  const out: string[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line) as { content?: unknown; text?: unknown };
      const content = typeof o.content === 'string' ? o.content : typeof o.text === 'string' ? o.text : undefined;
      if (content) out.push(content);
    } catch {
      // A broken line in a corpus is skipped, not fatal: the bench measures speed, not the corpus.
    }
  }
  return out;
}

const PEOPLE = ['عبد الله الشهري', 'فاطمة الزهراني', 'خالد العتيبي', 'سارة القحطاني', 'محمد الدوسري', 'نورة الحربي'];
const PLACES = ['الرياض', 'جدة', 'القاهرة', 'عمّان', 'دبي', 'بيروت', 'الدمام', 'مكة المكرمة'];
const BODIES = ['وزارة الصحة', 'وزارة المالية', 'هيئة الإحصاء', 'الأمم المتحدة', 'البنك المركزي', 'الهلال الأحمر'];
const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

type Pick = <T>(xs: readonly T[]) => T;
type Num = (lo: number, hi: number) => number;

const SENTENCES: Array<(p: Pick, n: Num) => string> = [
  (p, n) => `قال ${p(PEOPLE)} إن عجز الموازنة تراجع إلى ${n(2, 15)} في المئة خلال العام الماضي.`,
  (p, n) => `أعلنت ${p(BODIES)} يوم الأحد تسجيل ${n(10, 900)} حالة جديدة في ${p(PLACES)}.`,
  (p, n) => `وأضاف المتحدث باسم ${p(BODIES)} أن ${n(3, 60)} شخصاً أصيبوا في الحادث.`,
  (_p, n) => `وارتفعت أسعار النفط بنسبة ${n(1, 9)}٪ لتصل إلى ${n(40, 110)} دولاراً للبرميل.`,
  (p, n) => `وذكرت وكالة الأنباء الرسمية أن الاجتماع سيعقد في ${p(PLACES)} في ${n(1, 28)} ${p(MONTHS)} ${n(2014, 2026)}.`,
  (p, n) => `وأكد ${p(PEOPLE)} أن الحكومة ستنفق ${n(5, 900)} مليون ريال على مشاريع الطرق.`,
  (p, n) => `وتقع ${p(PLACES)} على بعد ${n(20, 700)} كيلومتر من العاصمة.`,
  (_p, n) => `وشارك في المؤتمر ممثلون عن ${n(3, 22)} دولة عربية على مدى ${n(2, 5)} أيام.`,
  (p) => `ونفى ${p(PEOPLE)} صحة الأنباء التي تحدثت عن استقالته من منصبه.`,
  (p, n) => `وبحسب بيان ${p(BODIES)}، بلغ عدد المستفيدين ${n(1000, 99000)} مستفيد حتى نهاية الشهر.`,
];

/** Deterministic news-like articles (a seeded generator, so two runs measure the same text). */
export function generateArticles(count: number, seed: number): string[] {
  let state = seed >>> 0 || 1;
  const rand = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 0x100000000;
  };
  const pick: Pick = (xs) => xs[Math.floor(rand() * xs.length)]!;
  const num: Num = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
  const out: string[] = [];
  for (let a = 0; a < count; a++) {
    const paragraphs: string[] = [];
    const nParagraphs = num(3, 9);
    for (let i = 0; i < nParagraphs; i++) {
      const sentences: string[] = [];
      const nSentences = num(1, 4);
      for (let s = 0; s < nSentences; s++) sentences.push(pick(SENTENCES)(pick, num));
      paragraphs.push(sentences.join(' '));
    }
    out.push(`${pick(PLACES)} - ${paragraphs.join('\n')}`);
  }
  return out;
}
