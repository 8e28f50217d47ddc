// Every user-facing string has its Arabic: the l10n.t() messages of the host code in
// l10n/bundle.l10n.ar.json, and every %key% of package.json in package.nls.json and package.nls.ar.json.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** The first argument of each l10n.t(...) call written as a single-quoted string literal. */
function messages(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) out.push(m[1]!.replace(/\\(.)/g, '$1'));
  return out;
}

describe('localisation', () => {
  const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', 'bundle.l10n.ar.json'), 'utf8')) as Record<string, string>;
  const files = [...sourceFiles(path.join(ROOT, 'src', 'host')), path.join(ROOT, 'src', 'extension.ts')];
  const all = new Map<string, string>();
  for (const f of files) for (const m of messages(f)) all.set(m, path.relative(ROOT, f));

  it('finds the host messages it checks', () => {
    assert.ok(all.size > 50, `only ${all.size} l10n.t messages found: the pattern no longer matches the code`);
  });

  it('has an Arabic translation for every l10n.t message', () => {
    const missing = [...all].filter(([m]) => !(m in bundle)).map(([m, f]) => `${f}: ${m}`);
    assert.deepStrictEqual(missing, []);
  });

  it('keeps the placeholders of each message in its translation', () => {
    const wrong = [...all.keys()]
      .filter((m) => m in bundle)
      .filter((m) => {
        const want = (m.match(/\{\d+\}/g) ?? []).sort().join();
        const got = (bundle[m]!.match(/\{\d+\}/g) ?? []).sort().join();
        return want !== got;
      });
    assert.deepStrictEqual(wrong, []);
  });

  it('has every %key% of package.json in both package.nls files, and no other keys', () => {
    const pkg = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = new Set([...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!));
    for (const file of ['package.nls.json', 'package.nls.ar.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as Record<string, string>;
      assert.deepStrictEqual([...keys].filter((k) => !(k in nls)), [], `${file} lacks keys`);
      assert.deepStrictEqual(Object.keys(nls).filter((k) => !keys.has(k)), [], `${file} has keys package.json does not use`);
    }
  });

  it('translates into Arabic script', () => {
    const ar = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.ar.json'), 'utf8')) as Record<string, string>;
    const notArabic = Object.entries({ ...ar, ...bundle }).filter(([, v]) => !/[\u0600-\u06FF]/.test(v)).map(([k]) => k);
    assert.deepStrictEqual(notArabic, []);
  });
});
