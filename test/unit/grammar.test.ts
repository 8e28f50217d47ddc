// The article grammar, run by the same TextMate engine VS Code uses (vscode-textmate + oniguruma):
// a line must come out as one token (one scope set), or VS Code lays its parts out left to right
// and an Arabic line reads out of order (issue 14). Whole-line scopes (headline, a dateline line)
// are fine and are checked to still apply.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { sharedFile } from './shared';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const GRAMMAR = path.join(ROOT, 'syntaxes', 'arabic-news.tmLanguage.json');
const SCOPE = 'text.arabic-news';

let onig: Promise<vsctm.IOnigLib> | undefined;
function onigLib(): Promise<vsctm.IOnigLib> {
  onig ??= (async () => {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    return { createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s), createOnigString: (s: string) => new oniguruma.OnigString(s) };
  })();
  return onig;
}

async function loadGrammar(json: string): Promise<vsctm.IGrammar> {
  const registry = new vsctm.Registry({
    onigLib: onigLib(),
    loadGrammar: async (scope) => (scope === SCOPE ? vsctm.parseRawGrammar(json, GRAMMAR) : null),
  });
  const g = await registry.loadGrammar(SCOPE);
  if (!g) throw new Error('grammar did not load');
  return g;
}

interface LineTokens {
  line: string;
  /** Runs of equal scope sets over the line's characters. */
  runs: string[];
}

function tokenize(grammar: vsctm.IGrammar, text: string): LineTokens[] {
  let stack = vsctm.INITIAL;
  const out: LineTokens[] = [];
  for (const line of text.split(/\r?\n/)) {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    const runs: string[] = [];
    for (const t of r.tokens) {
      if (t.endIndex <= t.startIndex || t.startIndex >= line.length) continue;
      const scopes = t.scopes.join(' ');
      if (runs[runs.length - 1] !== scopes) runs.push(scopes);
    }
    out.push({ line, runs });
  }
  return out;
}

function split(lines: LineTokens[]): string[] {
  return lines.filter((l) => l.runs.length > 1).map((l) => `${l.runs.length} parts: ${l.runs.join(' | ')} :: ${l.line.slice(0, 60)}`);
}

// Lines written for this test: numbers in both digit systems, percentages, quotations of each kind,
// datelines inside a paragraph and alone.
const WRITTEN = [
  'ارتفع عدد السكان إلى 3 ملايين نسمة',
  'بغداد - 2021/06/05',
  'الرياض (واس) - أعلنت وزارة الصحة اليوم تسجيل ١٢٠ إصابة جديدة بنسبة 25% من الفحوص.',
  'وقال الوزير للصحفيين: «لن نرفع الأسعار هذا العام» وأضاف أن الميزانية بلغت 4.5 مليار دولار.',
  'ونقلت الصحيفة عنه قوله “إن الاتفاق نهائي” بعد اجتماع دام ساعتين.',
  'وكتب على حسابه "نحن مستعدون" في الساعة 10:30 صباحا.',
  '# عنوان الخبر في سطر يبدأ بعلامة',
  'قراءة في تقرير COVID-19 على https://example.org/report?id=7 بتاريخ 19/10/1436هـ',
].join('\n');

describe('article grammar: nothing scoped inside a line', () => {
  const grammarJson = fs.readFileSync(GRAMMAR, 'utf8');

  it('the check catches an in-line scope (a number rule added to a copy of the grammar)', async () => {
    const g = JSON.parse(grammarJson) as { patterns: unknown[]; repository: Record<string, unknown> };
    g.patterns.push({ include: '#number' });
    g.repository['number'] = { name: 'constant.numeric.test', match: '[0-9٠-٩]+' };
    const bad = split(tokenize(await loadGrammar(JSON.stringify(g)), WRITTEN));
    assert.ok(bad.length >= 3, `a number scope should split lines, got: ${bad.join('\n')}`);
  });

  it('keeps every written line whole', async () => {
    assert.deepStrictEqual(split(tokenize(await loadGrammar(grammarJson), WRITTEN)), []);
  });

  it('keeps every line of the sample and the test articles whole', async () => {
    const grammar = await loadGrammar(grammarJson);
    const files = [
      path.join(ROOT, 'samples', 'sample-article.ar.txt'),
      ...['central-bank', 'fever-outbreak', 'gas-field', 'water-talks'].map((n) => path.join(ROOT, 'test', 'fixtures', 'claims', `${n}.txt`)),
      path.join(ROOT, 'test', 'fixtures', 'entities', 'article.txt'),
      path.join(ROOT, 'test', 'fixtures', 'export', 'article.txt'),
    ];
    // The real article too when the shared folder is there (in CI it must be).
    const real = sharedFile('articles/iraq-coalition-redeployment.txt');
    if (real) files.push(real);
    assert.ok(files.length >= 6);
    let lines = 0;
    for (const f of files) {
      const tokens = tokenize(grammar, fs.readFileSync(f, 'utf8'));
      lines += tokens.length;
      assert.deepStrictEqual(split(tokens), [], path.relative(ROOT, f));
    }
    assert.ok(lines > 40);
  });

  it('still scopes the headline and a dateline line as whole lines', async () => {
    const tokens = tokenize(await loadGrammar(grammarJson), WRITTEN);
    assert.match(tokens[0]!.runs[0]!, /markup\.heading/);
    assert.match(tokens[1]!.runs[0]!, /meta\.dateline/);
    assert.doesNotMatch(tokens[2]!.runs[0]!, /meta\.dateline/, 'a paragraph that opens with a dateline is not a dateline line');
    assert.match(tokens[6]!.runs[0]!, /markup\.heading/);
    assert.deepStrictEqual(tokens[3]!.runs, ['text.arabic-news']);
  });
});
