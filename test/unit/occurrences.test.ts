import * as assert from 'assert';
import { countWordOccurrences } from '../../src/core/editor/occurrences';

describe('countWordOccurrences', () => {
  const cases: Array<[string, string, number]> = [
    ['زار الوزير بغداد ثم عاد إلى بغداد.', 'بغداد', 2],
    ['وصل إلى بغداد وغادر لبغداد وفي وبغداد', 'بغداد', 3],
    ['البغداديون في بغداد', 'بغداد', 1],
    ['ابغداد ليست كلمة', 'بغداد', 0],
    ['قال خالد العبيدي إن العبيدي سيزور البصرة', 'العبيدي', 2],
    ['قال خالد العبيدي إن العبيدي سيزور البصرة', 'خالد العبيدي', 1],
    ['للعراق وللعراق والعراق', 'العراق', 1],
    ['', 'بغداد', 0],
    ['بغداد', 'ب', 0],
    ['Paris, Parisian, Paris.', 'Paris', 2],
  ];
  for (const [text, needle, want] of cases) {
    it(`${needle} in «${text}» → ${want}`, () => assert.strictEqual(countWordOccurrences(text, needle), want));
  }

  it('stops at the limit', () => {
    assert.strictEqual(countWordOccurrences('بغداد '.repeat(50), 'بغداد', 10), 10);
  });

  it('counts every occurrence in a 1 MB text', () => {
    const text = 'زار الوزير بغداد اليوم. '.repeat(45_000);
    assert.strictEqual(countWordOccurrences(text, 'بغداد'), 45_000);
  });
});
