/** Search query preparation and the bundle plan. */
import { describe, expect, it } from 'vitest';
import { pagefindQuery, spaceDigits } from '../../src/site/search-query.ts';
import { MAX_BUNDLE_PAGES, planBundles } from '../../src/site/search-bundles.ts';
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
  it('puts the public entries in as few bundles as the memory budget allows: whole years, newest first', () => {
    const content = copyMini();
    put(content, 'entries/v-demo-a/2026/plan-q4.md', ENTRY(GOOD_FM.replace('2026-11-20', '2026-10-08')));
    put(
      content,
      'entries/cu-demo/2025/rules.md',
      ENTRY('title: 教育局党组议事规则\nitem: org-setup-division\ndate: 2025-03-01\nreviewed_by: 王某某\napproved_by: 李某某'),
    );
    const { project, errorCount, diagnostics } = load(content);
    expect(errorCount, JSON.stringify(diagnostics)).toBe(0);
    const plan = planBundles(project!);
    expect(plan.map((b) => [b.name, b.label])).toEqual([['y2025-2026', '2025–2026年']]);
    expect(plan[0]!.pages).toContain('units/v-demo-a/plan-q4/index.html');
    expect(plan[0]!.pages).toContain('units/cu-demo/rules/index.html');
    // Entry pages only (unit pages are matched by name in the browser), each once; party-internal ones in none.
    expect(plan[0]!.pages.every((p) => p.split('/').length === 4)).toBe(true);
    expect(new Set(plan[0]!.pages).size).toBe(plan[0]!.pages.length);
    expect(plan[0]!.pages.some((p) => p.includes('sanhui-2026-10'))).toBe(false);
  });

  it('splits an archive larger than the budget by whole years, newest first', () => {
    const { project } = load(copyMini());
    const entry = project!.entries.find((e) => e.data.item === 'org-setup-division')!;
    const many = (year: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...entry, slug: `e${year}-${i}`, data: { ...entry.data, date: `${year}-03-01` } }));
    const big = { ...project!, entries: [...many(2026, 6000), ...many(2025, 3000), ...many(2024, 2000), ...many(2023, 500)] };
    expect(MAX_BUNDLE_PAGES).toBe(10_000);
    expect(planBundles(big).map((b) => [b.name, b.pages.length])).toEqual([
      ['y2025-2026', 9000],
      ['y2023-2024', 2500],
    ]);
  });
});
