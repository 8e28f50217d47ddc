// Claim detection on the shared real article (read by path, never copied into the repo): the five
// statements a fact-checker would pick are all candidates, with the right claimant, ranked high.

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stripBom } from '../../src/core/arabic';
import { findClaims } from '../../src/core/claims/index';
import type { ClaimDetection, EntityDetection, EntityLabel } from '../../src/core/types';
import { sharedFile } from './shared';


/** A short quote from each statement and who made it (null: the newsroom's own unattributed figure). */
const PICKS: Array<{ why: string; quote: string; claimant: string | null }> = [
  {
    why: 'the 60% reduction announced in the lead',
    quote: 'تقليص القوات الأميركية في العراق لأكثر من 60 في المئة من مجموع',
    claimant: 'رئيس الوزراء العراقي مصطفى الكاظمي',
  },
  {
    why: 'the 60% reduction in Al-Kadhimi’s own words',
    quote: 'نجحنا بتقليص عدد القوات الأميركية في العراق لأكثر من 60 في المئة',
    claimant: 'رئيس الوزراء العراقي مصطفى الكاظمي',
  },
  {
    why: 'the ~3,000 coalition troops, 2,500 of them American',
    quote: 'حوالي 3 آلاف عسكري تابع لقوات التحالف الدولي المناهض لتنظيم داعش بينهم 2500 عسكري أميركي',
    claimant: null,
  },
  {
    why: 'the redeployment plan in the ministry’s statement',
    quote: 'على خطة لإعادة انتشار قوات التحالف الدولي خارج العراق',
    claimant: 'البيان',
  },
  {
    why: 'the April agreement moving US forces from combat to advisory',
    quote: 'من "القتالي" إلى "استشاري تدريبي"',
    claimant: 'واشنطن وبغداد',
  },
];

function names(text: string, byLabel: Partial<Record<EntityLabel, string[]>>): EntityDetection[] {
  const out: EntityDetection[] = [];
  for (const [label, list] of Object.entries(byLabel) as Array<[EntityLabel, string[]]>) {
    for (const name of list) {
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
        out.push({ kind: 'entity', label, start: at, end: at + name.length, text: name });
      }
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

describe('claims: the shared real article', function () {
  let text = '';
  before(function () {
    const article = sharedFile('articles/iraq-coalition-redeployment.txt', this);
    if (article) text = stripBom(readFileSync(article, 'utf8'));
  });

  const runs: Array<[string, (t: string) => EntityDetection[]]> = [
    ['without entities', () => []],
    [
      'with entities',
      (t) =>
        names(t, {
          PER: ['مصطفى الكاظمي', 'عبدالأمير الشمري', 'بول كالفرت', 'ترامب'],
          ORG: ['وزارة الدفاع العراقية', 'داعش'],
          LOC: ['واشنطن', 'بغداد', 'العراق', 'الولايات المتحدة', 'سوريا'],
        }),
    ],
  ];
  for (const [label, entitiesOf] of runs) {
    describe(label, () => {
      let claims: ClaimDetection[] = [];
      before(() => {
        claims = findClaims(text, { entities: entitiesOf(text), figures: [] });
      });

      for (const pick of PICKS) {
        it(`finds ${pick.why}`, () => {
          const hit = claims.find((c) => c.text.includes(pick.quote));
          assert.ok(hit, `no candidate holds «${pick.quote}»`);
          assert.equal(hit.claimant ? hit.claimant.text : null, pick.claimant);
          if (hit.claimant) assert.equal(hit.claimant.text, text.slice(hit.claimant.start, hit.claimant.end));
        });
      }

      it('finds the headline claim by its short subject', () => {
        const hit = claims.find((c) => c.cue === 'يعلن');
        assert.ok(hit);
        assert.equal(hit.text, 'تقليص القوات الأميركية لأكثر من 60 في المئة');
        assert.equal(hit.claimant?.text, 'الكاظمي');
      });

      it('ranks the three figure statements in the top half', () => {
        const scores = claims.map((c) => c.checkWorthiness).sort((a, b) => b - a);
        const median = scores[Math.floor((scores.length - 1) / 2)]!;
        for (const pick of PICKS.slice(0, 3)) {
          const hit = claims.find((c) => c.text.includes(pick.quote))!;
          assert.ok(hit.checkWorthiness >= median, `${hit.checkWorthiness} < ${median} for ${pick.why}`);
        }
      });

      it('lets «وأوضح أن» continue the statement’s speaker, pointing at the earlier mention', () => {
        const hit = claims.find((c) => c.text.startsWith('الجانب الأميركي جدد تأكيد'));
        assert.ok(hit?.claimant);
        assert.equal(hit.claimant.text, 'البيان');
        assert.ok(hit.claimant.end <= hit.start);
      });

      it('does not take the dateline or the newsroom aside for a claim', () => {
        assert.ok(!claims.some((c) => c.text.includes('2021/06/05')));
        assert.ok(!claims.some((c) => c.text.includes('على الرغم من هزيمة التنظيم')));
      });
    });
  }
});
