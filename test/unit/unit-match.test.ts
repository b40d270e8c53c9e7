/** Which units a search query names (the search page's unit tiles), on the demo county's names. */
import { describe, expect, it } from 'vitest';
import { unitKeys, unitMatcher, type UnitName } from '../../src/site/unit-match.ts';

const NAMES = [
  '中共示范县委组织部',
  '中共示范县民政局党组',
  '中共示范县财政局党组',
  '中共示范县医疗保障局党组',
  '中共示范县人力资源和社会保障局党组',
  '中共示范县妇幼保健院总支部委员会',
  '中共示范县人民医院委员会',
  '中共示范县人民法院党组',
  '中共国家税务总局示范县税务局委员会',
  '中共示范县商务局党组',
  '清水镇',
  '城关街道',
  '桃花村',
  '桃园村',
  '桃泉村',
  '清水社区',
  '东门社区',
  '东关社区',
  '王家湾村',
  ...Array.from({ length: 14 }, (_, i) => `${'张李赵钱孙周吴郑冯陈褚卫蒋沈'[i]}湾村`),
];
const units: UnitName[] = NAMES.map((name, i) => ({ name, path: `units/u${i}/`, town: '清水镇' }));
const match = (q: string) =>
  unitMatcher(units, '示范县')
    .match(q)
    .map((u) => u.name);

describe('unit tiles: only when the query names or nearly names a unit', () => {
  it('shows none for words that name no unit', () => {
    for (const q of ['党费', '低保', '村集体收入', '发展党员', '换届选举', '公示', '财务', '医院', '示范县', '局党组', '委员会', '党支部'])
      expect(match(q), q).toEqual([]);
  });

  it('finds a village by its name, its place name, or its name within a longer query', () => {
    expect(match('桃花村')).toEqual(['桃花村']);
    expect(match('桃花')).toEqual(['桃花村']);
    expect(match('桃花村 财务')).toEqual(['桃花村']);
    expect(match('桃花村财务')).toEqual(['桃花村']);
    expect(match('王家湾')).toEqual(['王家湾村']);
    expect(match('东门社区')).toEqual(['东门社区']);
    expect(match('清水镇')).toEqual(['清水镇']);
  });

  it('finds a county unit by the short name people say', () => {
    expect(match('民政局')).toEqual(['中共示范县民政局党组']);
    expect(match('县委组织部')).toEqual(['中共示范县委组织部']);
    expect(match('组织部')).toEqual(['中共示范县委组织部']);
    expect(match('税务局')).toEqual(['中共国家税务总局示范县税务局委员会']);
    expect(match('妇幼保健院')).toEqual(['中共示范县妇幼保健院总支部委员会']);
    expect(match('人民医院')).toEqual(['中共示范县人民医院委员会']);
  });

  it('forgives one wrong character only when nothing matches exactly, and ignores a word that fits a dozen units', () => {
    expect(match('桃花材')).toEqual(['桃花村']);
    expect(match('王家弯村')).toEqual(['王家湾村']);
    // 张湾村 matches exactly: its one-character neighbours (李湾村 …) are not shown.
    expect(match('张湾村')).toEqual(['张湾村']);
    // 湾村 (two characters) names no unit exactly; as part of fifteen names it names a kind, not one.
    expect(match('湾村')).toEqual([]);
  });

  it('knows a unit by its full name, without 中共 and the county, and without the party organisation', () => {
    expect(unitKeys('中共示范县民政局党组', '示范县')).toEqual(expect.arrayContaining(['中共示范县民政局党组', '县民政局', '民政局']));
    expect(unitKeys('甲村党支部', '测试县')).toEqual(['甲村党支部', '甲村']);
  });
});
