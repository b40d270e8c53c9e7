/**
 * A person named with a 党纪处分 in public text is found however the name is written; counts,
 * rules and measures without a name are not.
 */
import { describe, expect, it } from 'vitest';
import { findDisciplineNames } from '../../src/domain/safety/discipline-names.ts';

const named = (text: string) => findDisciplineNames(text).map((f) => text.slice(f.offset, f.offset + f.length));

describe('findDisciplineNames', () => {
  it('finds anonymised and full names next to a measure, at the name', () => {
    expect(named('党员张某某因违反组织纪律，受到党内警告处分。')).toEqual(['张某某']);
    expect(named('经镇纪委会议研究，给予严某某党内警告处分。')).toEqual(['严某某']);
    expect(named('党员曹某（县妇幼保健院党员）违规操办婚丧喜庆事宜，给予党内严重警告处分。')).toEqual(['曹某']);
    expect(named('对王建国同志给予留党察看一年处分。')).toEqual(['王建国']);
    expect(named('给予欧阳明开除党籍处分。')).toEqual(['欧阳明']);
    expect(named('李×× 受到撤销党内职务处分')).toEqual(['李××']);
  });
  it('reports each line once, on its own line', () => {
    const found = findDisciplineNames('一、基本情况\n党员张某受到党内警告处分。\n\n二、下一步');
    expect(found).toHaveLength(1);
    expect(found[0]!.offset).toBe('一、基本情况\n党员'.length);
  });
  it('passes counts, rules and measures with no one named', () => {
    for (const text of [
      '三季度给予党纪处分2人，其中党内警告1人',
      '全年给予党内警告处分1人、严重警告处分1人',
      '对严重违纪违法的党员，依规给予开除党籍处分。',
      '给予全体党员开展警示教育，讲解留党察看等处分的适用情形。',
      '审核人：王某某（支部副书记）',
      '王某某主持会议，传达上级关于党员教育管理的通知。',
    ]) {
      expect(findDisciplineNames(text), text).toEqual([]);
    }
  });
  it('keeps a name on one line apart from a measure on another (front matter fields stay apart)', () => {
    expect(findDisciplineNames('reviewed_by: 王某某\nsummary: 给予党内警告处分1人')).toEqual([]);
  });
});
