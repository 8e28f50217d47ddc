// Byte-identical check between two builds of the CLI over corpus articles that stay outside the
// repository: writes N articles (and, with --big, them all joined as one file and as one line) to
// a temporary folder, runs `khabar detect` of both builds on the same files, and compares the
// output line by line.
//
//   node scripts/speed/compareBuilds.js OLD/dist/cli.js dist/cli.js [corpus.jsonl] [N] [--big]
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const big = process.argv.includes('--big');
const [oldCli, newCli] = args;
const corpus = args[2] ?? path.resolve(__dirname, '..', '..', '..', 'shared', 'corpus', 'saudinewsnet-3000.jsonl');
const n = Number(args[3] ?? 300);
if (!oldCli || !newCli) {
  console.error('usage: compareBuilds.js OLD_CLI NEW_CLI [corpus.jsonl] [N] [--big]');
  process.exit(2);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khabar-compare-'));
const texts = [];
for (const line of fs.readFileSync(corpus, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const o = JSON.parse(line);
  const t = o.content ?? o.text;
  if (typeof t === 'string' && t.trim()) texts.push(t);
}
// Spread over the corpus rather than its first articles.
const step = Math.max(1, Math.floor(texts.length / n));
const files = [];
for (let i = 0; files.length < n && i < texts.length; i += step) {
  const f = path.join(dir, `a${String(files.length).padStart(4, '0')}.txt`);
  fs.writeFileSync(f, texts[i]);
  files.push(f);
}
if (big) {
  const joined = path.join(dir, 'joined.txt');
  fs.writeFileSync(joined, files.map((f) => fs.readFileSync(f, 'utf8')).join('\n\n'));
  const oneLine = path.join(dir, 'oneline.txt');
  fs.writeFileSync(oneLine, files.map((f) => fs.readFileSync(f, 'utf8').replace(/\s+/g, ' ')).join(' '));
  files.push(joined, oneLine);
}
function run(cli) {
  const t0 = Date.now();
  const out = execFileSync(process.execPath, [cli, 'detect', '--max-size', '100M', ...files], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return { lines: out.split('\n'), ms: Date.now() - t0 };
}
const a = run(oldCli);
const b = run(newCli);
let differ = 0;
for (let i = 0; i < Math.max(a.lines.length, b.lines.length); i++) {
  if (a.lines[i] !== b.lines[i]) {
    if (differ < 3) console.log(`DIFF line ${i + 1}:\n- ${(a.lines[i] ?? '').slice(0, 300)}\n+ ${(b.lines[i] ?? '').slice(0, 300)}`);
    differ++;
  }
}
const bytes = a.lines.join('\n').length;
console.log(`${files.length} files, ${bytes} chars of output: ${differ === 0 ? 'IDENTICAL' : differ + ' lines differ'}; old ${a.ms} ms, new ${b.ms} ms`);
fs.rmSync(dir, { recursive: true, force: true });
process.exit(differ === 0 ? 0 : 1);
