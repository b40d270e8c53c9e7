/** Search query preparation and the per-town bundle plan. */
import { describe, expect, it } from 'vitest';
import { matchesQuery, queryTerms, spaceDigits } from '../../src/site/search-query.ts';
import { COUNTY_BUNDLE, planBundles } from '../../src/site/search-index.ts';
import { load, MINI } from '../helpers.ts';

describe('spaceDigits', () => {
  it('separates digit runs from Han characters, including full-width digits', () => {
    expect(spaceDigits('第3号')).toBe('第 3 号');
    expect(spaceDigits('2026年')).toBe('2026 年');
    expect(spaceDigits('第１２号')).toBe('第 12 号');
    expect(spaceDigits('党费  收缴')).toBe('党费 收缴');
    expect(spaceDigits('收缴11,380.00元')).toBe('收缴 11,380.00 元');
  });
});

describe('matchesQuery', () => {
  it('treats chunks with digits as phrases and splits the rest into words', () => {
    expect(queryTerms('第3号 议事规则通知')).toEqual([
      { kind: 'phrase', value: '第3号' },
      { kind: 'word', value: '议事规则' },
      { kind: 'word', value: '通知' },
    ]);
  });
  const page3 = '乙党发〔2026〕第3号。村民代表会议每季度召开一次。';
  const page12 = '教党组发〔2025〕第12号。2025年修订。';
  it('matches numbers only as whole numbers', () => {
    const terms = queryTerms('第3号');
    expect(matchesQuery(page3, terms)).toBe(true);
    expect(matchesQuery(page12, terms)).toBe(false);
    expect(matchesQuery(page12, queryTerms('2025年'))).toBe(true);
    expect(matchesQuery(page3, queryTerms('2025年'))).toBe(false);
    expect(matchesQuery('第13号', terms)).toBe(false);
    expect(matchesQuery('第3季度，编号', terms)).toBe(false);
    expect(matchesQuery('2025 年', queryTerms('２０２５年'))).toBe(true);
  });
  it('needs every Chinese word, not the exact phrase', () => {
    expect(matchesQuery('调整议事规则的通知', queryTerms('议事规则通知'))).toBe(true);
    expect(matchesQuery('调整议事规则', queryTerms('议事规则通知'))).toBe(false);
  });
  it('accepts everything for an empty query (filters only)', () => {
    expect(queryTerms('  ')).toEqual([]);
    expect(matchesQuery('任何内容', [])).toBe(true);
  });
});

describe('planBundles', () => {
  it('puts each town with its villages and the county level in its own bundle', () => {
    const { project } = load(MINI);
    const plan = planBundles(project!);
    expect(plan.map((b) => b.name).sort()).toEqual([COUNTY_BUNDLE, 'town-t-demo']);
    expect(plan.find((b) => b.name === 'town-t-demo')!.units.sort()).toEqual(['t-demo', 'v-demo-a', 'v-demo-b']);
    expect(plan.find((b) => b.name === COUNTY_BUNDLE)!.units.sort()).toEqual(['county', 'cu-demo']);
  });
});
