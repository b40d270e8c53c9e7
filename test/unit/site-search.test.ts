/** Search query preparation and the bundle plan by period. */
import { describe, expect, it } from 'vitest';
import { pagefindQuery, spaceDigits } from '../../src/site/search-query.ts';
import { planBundles, RECENT_BUNDLE, UNITS_BUNDLE } from '../../src/site/search-index.ts';
import { copyMini, ENTRY, GOOD_FM, load, put } from '../helpers.ts';

describe('spaceDigits', () => {
  it('separates digit runs from Han characters, including full-width digits', () => {
    expect(spaceDigits('第3号')).toBe('第 3 号');
    expect(spaceDigits('2026年')).toBe('2026 年');
    expect(spaceDigits('第１２号')).toBe('第 12 号');
    expect(spaceDigits('党费  收缴')).toBe('党费 收缴');
    expect(spaceDigits('收缴11,380.00元')).toBe('收缴 11,380.00 元');
  });
});

describe('pagefindQuery', () => {
  it('sends chunks with digits as exact phrases, digit runs spaced out, and the rest as typed', () => {
    expect(pagefindQuery('第3号')).toBe('"第 3 号"');
    expect(pagefindQuery('２０２５年 党费')).toBe('"2025 年" 党费');
    expect(pagefindQuery('议事规则通知')).toBe('议事规则通知');
    expect(pagefindQuery('“第12号”  桃花村')).toBe('"第 12 号" 桃花村');
    expect(pagefindQuery('   ')).toBe('');
  });
});

describe('planBundles', () => {
  it('puts unit pages, this quarter’s entries, the rest of this year and each earlier year in bundles of their own, newest first', () => {
    const content = copyMini();
    put(content, 'entries/v-demo-a/2026/plan-q4.md', ENTRY(GOOD_FM.replace('2026-11-20', '2026-10-08')));
    put(
      content,
      'entries/cu-demo/2025/rules.md',
      ENTRY('title: 教育局党组议事规则\nitem: org-setup-division\ndate: 2025-03-01\nreviewed_by: 王某某\napproved_by: 李某某'),
    );
    const { project, errorCount, diagnostics } = load(content);
    expect(errorCount, JSON.stringify(diagnostics)).toBe(0);
    const plan = planBundles(project!, '2026-11-28');
    expect(plan.map((b) => b.name)).toEqual([RECENT_BUNDLE, 'y2026', 'y2025', UNITS_BUNDLE]);
    expect(plan[0]!.label).toBe('近期（2026年第4季度起）');
    expect(plan[0]!.pages).toEqual(['units/v-demo-a/plan-q4/index.html']);
    expect(plan.find((b) => b.name === 'y2025')!.pages).toEqual(['units/cu-demo/rules/index.html']);
    expect(plan.find((b) => b.name === UNITS_BUNDLE)!.pages).toContain('units/v-demo-a/index.html');
    // Every public entry is in exactly one bundle; party-internal ones in none.
    const all = plan.flatMap((b) => b.pages).filter((p) => p.split('/').length === 4);
    expect(new Set(all).size).toBe(all.length);
    expect(all.some((p) => p.includes('sanhui-2026-10'))).toBe(false);
    // Next year, this year's recent entries join the bundle of their year.
    expect(planBundles(project!, '2027-01-05').map((b) => b.name)).toEqual(['y2026', 'y2025', UNITS_BUNDLE]);
  });
});
