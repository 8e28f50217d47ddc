import * as assert from 'assert';
import { glossFor } from '../../src/core/entities/glosses';

describe('entities: glosses', () => {
  const cases: Array<[string, 'PER' | 'LOC' | 'ORG' | 'MISC', RegExp | undefined]> = [
    ['ترامب', 'PER', /الولايات المتحدة/],
    ['وترامب', 'PER', /الولايات المتحدة/],
    ['دونالد ترمب', 'PER', /2017/],
    ['داعش', 'ORG', /2014/],
    ['لداعش', 'ORG', /2014/],
    ['الكاظمي', 'PER', /العراق/],
    ['ترامب', 'LOC', undefined],
    ['بغداد', 'LOC', undefined],
  ];
  for (const [text, label, want] of cases) {
    it(`${label} ${text} → ${want ?? 'none'}`, () => {
      const g = glossFor(text, label);
      if (want) assert.match(g ?? '', want);
      else assert.strictEqual(g, undefined);
    });
  }
});
