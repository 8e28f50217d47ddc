// The Arabic helpers every recogniser stands on: folding for lookup, the ANERcorp-style tokeniser
// and its offsets, the script ratio that gates plaintext documents, and sentence spans.
import * as assert from 'assert';
import { arabicRatio, fold, isArabicLetter, isSpace, sentenceSpans, stripBom, tokenize } from '../../src/core/arabic';

describe('fold', () => {
  const cases: Array<[string, string, string]> = [
    ['hamza on alef', 'أحمد', 'احمد'],
    ['hamza under alef', 'إسلام', 'اسلام'],
    ['madda', 'آمال', 'امال'],
    ['alef wasla', 'ٱلله', 'الله'],
    ['ta marbuta', 'مدرسة', 'مدرسه'],
    ['alef maqsura', 'على', 'علي'],
    ['harakat and shadda', 'مُحَمَّد', 'محمد'],
    ['superscript alef', 'هٰذا', 'هذا'],
    ['tatweel', 'الـــرياض', 'الرياض'],
    ['Arabic-Indic digits', '٢٠١٥', '2015'],
    ['Persian digits', '۱۲', '12'],
    ['RLM and ALM inside a word', 'نص\u200fو\u061cنص', 'نصونص'],
    ['zero-width space and BOM', '\ufeffأ\u200bب', 'اب'],
    ['bidi isolates and embeddings', '\u2067عربي\u2069 \u202bنص\u202c', 'عربي نص'],
    ['Latin untouched', 'Reuters 2015', 'Reuters 2015'],
    ['empty', '', ''],
  ];
  for (const [name, input, want] of cases) {
    it(`folds ${name}`, () => assert.strictEqual(fold(input), want));
  }

  it('drops ZWNJ and ZWJ, so a name typed with one still matches the list', () => {
    assert.strictEqual(fold('عبد\u200cالله'), 'عبدالله');
    assert.strictEqual(fold('ال\u200dرياض'), 'الرياض');
  });
});

describe('tokenize', () => {
  const cases: Array<[string, string, string[]]> = [
    ['two words', 'قال الرئيس', ['قال', 'الرئيس']],
    ['clitics stay attached, punctuation splits', 'وبالمدينة،', ['وبالمدينة', '،']],
    ['harakat stay inside', 'مُحَمَّدٌ نَبِيٌّ', ['مُحَمَّدٌ', 'نَبِيٌّ']],
    ['tatweel stays inside', 'الـــرياض', ['الـــرياض']],
    ['guillemets split', '«السلام عليكم»', ['«', 'السلام', 'عليكم', '»']],
    ['decimal point and percent split', '12.5%', ['12', '.', '5', '%']],
    ['digits with a letter stay one token', '٢٠١٥م', ['٢٠١٥م']],
    ['hyphenated Latin', 'COVID-19', ['COVID', '-', '19']],
    ['RLM between letters stays inside', 'نص\u200fآخر', ['نص\u200fآخر']],
    ['RLM between spaces is not a token', 'نص \u200f آخر', ['نص', 'آخر']],
    ['RLM at the end of a word is dropped', 'نص\u200f آخر', ['نص', 'آخر']],
    ['Kurdish AE stays inside a word (regression: it split words)', 'ئەم شارە', ['ئەم', 'شارە']],
    ['ZWNJ inside a word', 'می\u200cخواهم', ['می\u200cخواهم']],
    ['no-break and narrow spaces separate', 'ألف\u00a0دولار\u202fو\u3000ريال', ['ألف', 'دولار', 'و', 'ريال']],
    ['CRLF separates', 'سطر\r\nسطر', ['سطر', 'سطر']],
    ['emoji is one token of two units', 'خبر😀عاجل', ['خبر', '😀', 'عاجل']],
    ['a flag is two tokens of two units (regional indicators)', '🇸🇦', ['🇸', '🇦']],
    ['a lone high surrogate is its own token', 'a\ud800', ['a', '\ud800']],
    ['a lone low surrogate is its own token', '\udc00b', ['\udc00', 'b']],
    ['Arabic question mark and semicolon', 'لماذا؟ لأن؛', ['لماذا', '؟', 'لأن', '؛']],
    ['BOM and isolates alone are not tokens', '\ufeff\u2067 \u2069', []],
    ['empty', '', []],
  ];
  for (const [name, input, want] of cases) {
    it(`tokenises ${name}`, () => {
      const tokens = tokenize(input);
      assert.deepStrictEqual(
        tokens.map((t) => t.text),
        want,
      );
      for (const t of tokens) assert.strictEqual(input.slice(t.start, t.end), t.text);
    });
  }

  it('reports UTF-16 offsets into the original text (after an emoji and a CRLF)', () => {
    const text = '😀 أعلن\r\nالوزير';
    assert.deepStrictEqual(tokenize(text), [
      { text: '😀', start: 0, end: 2 },
      { text: 'أعلن', start: 3, end: 7 },
      { text: 'الوزير', start: 9, end: 15 },
    ]);
  });
});

describe('arabicRatio', () => {
  const cases: Array<[string, string, number]> = [
    ['empty', '', 0],
    ['digits and punctuation only', '123, 456!', 0],
    ['Latin only', 'Reuters', 0],
    ['Arabic only', 'عربي', 1],
    ['half and half', 'ab عر', 0.5],
    ['digits do not count', '2015 عربي', 1],
    ['presentation forms count as Arabic', '\ufef7\ufe8e', 1],
  ];
  for (const [name, input, want] of cases) {
    it(`gives ${want} for ${name}`, () => assert.strictEqual(arabicRatio(input), want));
  }

  it('looks only at a sample of a long document', () => {
    const text = 'ع'.repeat(100) + 'x'.repeat(1000);
    assert.strictEqual(arabicRatio(text, 100), 1);
    assert.ok(arabicRatio(text) < 0.1);
  });
});

describe('sentenceSpans', () => {
  const cases: Array<[string, string, string[]]> = [
    ['full stop and question mark', 'جملة أولى. جملة ثانية؟ ثالثة', ['جملة أولى.', ' جملة ثانية؟', ' ثالثة']],
    ['a decimal point does not end a sentence', 'بلغ 3.5 مليون. انتهى', ['بلغ 3.5 مليون.', ' انتهى']],
    ['Arabic-Indic decimals', 'بلغ ٣.٥ مليون', ['بلغ ٣.٥ مليون']],
    ['Reuters reversed decimal with RLM', 'نمو 5.\u200f0 في المائة.', ['نمو 5.\u200f0 في المائة.']],
    ['line breaks end sentences', 'سطر\nسطر', ['سطر\n', 'سطر']],
    ['blank lines leave no empty spans', 'أ.\n\nب', ['أ.', 'ب']],
    ['Arabic semicolon', 'أولاً؛ ثانياً', ['أولاً؛', ' ثانياً']],
    ['only whitespace', ' \n \n', []],
    ['empty', '', []],
  ];
  for (const [name, input, want] of cases) {
    it(`splits ${name}`, () => {
      assert.deepStrictEqual(
        sentenceSpans(input).map((s) => input.slice(s.start, s.end)),
        want,
      );
    });
  }
});

describe('small helpers', () => {
  it('stripBom removes exactly one leading BOM', () => {
    assert.strictEqual(stripBom('\ufeffنص'), 'نص');
    assert.strictEqual(stripBom('\ufeff\ufeffنص'), '\ufeffنص');
    assert.strictEqual(stripBom('نص\ufeff'), 'نص\ufeff');
    assert.strictEqual(stripBom(''), '');
  });

  it('isArabicLetter: letters yes, digits, harakat and punctuation no', () => {
    for (const c of 'ابتثءئؤپچگیەۮۯ') assert.ok(isArabicLetter(c.charCodeAt(0)), c);
    for (const c of '٠١٩\u064e\u0651،؟؛۔a1') assert.ok(!isArabicLetter(c.charCodeAt(0)), c);
  });

  it('isSpace: the spaces news copy uses, and not the zero-width ones', () => {
    for (const c of ' \t\n\r\u00a0\u2009\u202f\u3000\u2028') assert.ok(isSpace(c.charCodeAt(0)), JSON.stringify(c));
    for (const c of '\u200b\u200c\u200d\u200f\ufeffا') assert.ok(!isSpace(c.charCodeAt(0)), JSON.stringify(c));
  });
});
