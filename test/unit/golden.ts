// The golden documents: text that is in the repository (the written training sentences rebuilt
// into articles, the sample article, the test fixtures) and a digest of what detect() finds in
// each, so that a change meant only to make detection faster is proven to change no byte of its
// output. Run as a script (`npm run golden`) it rewrites test/fixtures/golden/detect.tsv: do that
// only when a recogniser change is meant to change what is found, and review the diff.
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { detect } from '../../src/core/detect';
import type { Detection } from '../../src/core/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const GOLDEN_FILE = path.join(ROOT, 'test', 'fixtures', 'golden', 'detect.tsv');

export interface GoldenDoc {
  id: string;
  text: string;
}

/** Sentences of a CoNLL file as token lists. */
function conllSentences(file: string): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line === '') {
      if (cur.length) out.push(cur);
      cur = [];
    } else cur.push(line.slice(0, line.lastIndexOf(' ')));
  }
  if (cur.length) out.push(cur);
  return out;
}

/**
 * Every golden document, in a fixed order: per written file, articles of 12 sentences (paragraphs
 * of three) and the whole file as one article; all written sentences as one single-line document
 * (the shape that used to make the document rules quadratic); the sample and the fixtures.
 */
export function goldenDocs(): GoldenDoc[] {
  const docs: GoldenDoc[] = [];
  const dir = path.join(ROOT, 'data', 'ner', 'written');
  const allSentences: string[] = [];
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.conll')).sort()) {
    const sentences = conllSentences(path.join(dir, name)).map((s) => s.join(' '));
    allSentences.push(...sentences);
    for (let a = 0; a * 12 < sentences.length; a++) {
      const chunk = sentences.slice(a * 12, a * 12 + 12);
      const paragraphs: string[] = [];
      for (let p = 0; p < chunk.length; p += 3) paragraphs.push(chunk.slice(p, p + 3).join(' '));
      docs.push({ id: `written/${name}#${a + 1}`, text: paragraphs.join('\n\n') + '\n' });
    }
    docs.push({ id: `written/${name}#all`, text: sentences.join('\n') + '\n' });
  }
  docs.push({ id: 'written/*#one-line', text: allSentences.join(' ') });
  const files = [path.join(ROOT, 'samples', 'sample-article.ar.txt')];
  for (const sub of ['claims', 'entities', 'export', 'sidecar', 'reading']) {
    const d = path.join(ROOT, 'test', 'fixtures', sub);
    for (const n of fs.readdirSync(d).filter((x) => x.endsWith('.txt')).sort()) files.push(path.join(d, n));
  }
  for (const f of files) docs.push({ id: path.relative(ROOT, f).split(path.sep).join('/'), text: fs.readFileSync(f, 'utf8') });
  return docs;
}

/** One line of the golden file: id, sha256 of the JSON output (the CLI's bytes), count, first spans. */
export function goldenLine(doc: GoldenDoc, found: readonly Detection[]): string {
  const digest = createHash('sha256').update(JSON.stringify(found)).digest('hex').slice(0, 32);
  const sample = found
    .slice(0, 3)
    .map((d) => `${d.label}:${d.text.replace(/\s+/g, ' ').slice(0, 40)}`)
    .join(' | ');
  return `${doc.id}\t${digest}\t${found.length}\t${sample}`;
}

export function goldenLines(): string[] {
  return goldenDocs().map((d) => goldenLine(d, detect(d.text)));
}

if (require.main === module) {
  // Run as a script (`npm run golden`), not under mocha: the core needs Node's model reader here too.
  (require('../../src/platform/node/install') as typeof import('../../src/platform/node/install')).installNodePlatform();
  const lines = goldenLines();
  fs.mkdirSync(path.dirname(GOLDEN_FILE), { recursive: true });
  fs.writeFileSync(GOLDEN_FILE, lines.join('\n') + '\n');
  console.log(`wrote ${lines.length} documents to ${path.relative(ROOT, GOLDEN_FILE)}`);
}
