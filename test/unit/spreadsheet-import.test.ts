/** Pieces of the spreadsheet import: CSV as Excel writes it, headers found by their Chinese names, ids from names. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/load/spreadsheet-file.ts';
import { romanise } from '../../src/load/romanise.ts';
import { claimId, shortName, unitIdFor } from '../../src/domain/import/derive-id.ts';
import { columnLetter, mapHeaders } from '../../src/domain/import/sheet.ts';
import { planUnits, UNIT_COLUMNS } from '../../src/domain/import/unit-import.ts';
import { planBoards } from '../../src/domain/import/board-import.ts';
import { boardsFileSchema } from '../../src/domain/schema/board.ts';
import { unitsFileSchema } from '../../src/domain/schema/unit.ts';

const pinyin = (s: string) => romanise(s).full;

describe('parseCsv', () => {
  it('reads quoted commas, doubled quotes, line breaks inside quotes and CRLF, numbering rows as Excel shows them (blank rows count, quoted breaks do not)', () => {
    const rows = parseCsv('单位名称,地址\r\n"城关镇","府前街8号,二楼"\r\n"东门社区","说明：""老街""\n新址"\r\n\r\n南街村,\r\n');
    expect(rows).toEqual([
      { row: 1, cells: ['单位名称', '地址'] },
      { row: 2, cells: ['城关镇', '府前街8号,二楼'] },
      { row: 3, cells: ['东门社区', '说明："老街"\n新址'] },
      { row: 5, cells: ['南街村', ''] },
    ]);
  });
});

describe('mapHeaders', () => {
  it('finds columns by header in any order, ignoring spaces, notes in brackets and asterisks', () => {
    const sheet = { name: 't', rows: [{ row: 1, cells: ['类 型', '户数（户）', '*单位名称', '备注'] }] };
    const m = mapHeaders(sheet, UNIT_COLUMNS, '单位表');
    expect([...m.columns]).toEqual([
      ['name', 2],
      ['kind', 0],
      ['households', 1],
    ]);
    expect(m.problems.map((p) => [p.severity, p.column, p.message])).toEqual([['warning', 'D 列（备注）', '不认识的列“备注”，这一列不会导入']]);
  });

  it('names a missing required column', () => {
    const m = mapHeaders({ name: 't', rows: [{ row: 1, cells: ['单位名称', '电话'] }] }, UNIT_COLUMNS, '单位表');
    expect(m.problems.map((p) => p.message)).toEqual(['缺少“类型”列']);
  });

  it('letters columns past Z as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('ids from names', () => {
  it('drop party wording, the county and the place word', () => {
    expect(shortName('中共清河县委组织部', 'county-unit', '清河县')).toBe('组织部');
    expect(shortName('清河县教育局党组', 'county-unit', '清河县')).toBe('教育局');
    expect(shortName('中共城关镇委员会', 'town', '清河县')).toBe('城关');
    expect(shortName('石桥乡党委', 'town', '清河县')).toBe('石桥');
    expect(shortName('桃花村党支部', 'village', '清河县')).toBe('桃花');
    expect(shortName('新庄村（石桥）', 'village', '清河县')).toBe('新庄');
    // Nothing left after the place word: the name stays whole.
    expect(shortName('村', 'village', '清河县')).toBe('村');
  });

  it('carry the kind and, for villages, the town', () => {
    expect(unitIdFor('中共清河县委宣传部', 'county-unit', '清河县', pinyin)).toBe('cu-xuanchuanbu');
    expect(unitIdFor('柳河镇', 'town', '清河县', pinyin)).toBe('t-liuhe');
    expect(unitIdFor('河湾社区', 'village', '清河县', pinyin, 't-liuhe')).toBe('v-liuhe-hewan');
    expect(unitIdFor('中共清河县委员会', 'county-committee', '清河县', pinyin)).toBe('county');
  });

  it('take the next free number on a collision', () => {
    const taken = new Set(['v-a', 'v-a-2']);
    expect(claimId('v-a', taken)).toBe('v-a-3');
    expect(claimId('v-b', taken)).toBe('v-b');
    expect(taken.has('v-a-3') && taken.has('v-b')).toBe(true);
  });
});

describe('re-importing units', () => {
  const existing = unitsFileSchema.parse([
    { id: 'county', name: '中共清河县委员会', kind: 'county-committee' },
    { id: 't-a', name: '城关镇', kind: 'town', parent: 'county' },
    { id: 't-b', name: '柳河镇', kind: 'town', parent: 'county' },
    { id: 'v-a-x', name: '杏花村', kind: 'village', parent: 't-a', maintainers: ['@hand'], hours: '手工填的办公时间' },
  ]);
  const sheet = (parent: string, phone: string) => ({
    name: '单位表.csv',
    rows: [
      { row: 1, cells: ['单位名称', '类型', '上级单位', '电话', '办公时间'] },
      { row: 2, cells: ['杏花村', '村', parent, phone, ''] },
    ],
  });

  it('moves a unit to the town the sheet names and keeps what the sheet leaves empty', () => {
    const plan = planUnits(sheet('柳河镇', '0312-1234567'), existing, '清河县', pinyin);
    expect(plan.problems).toEqual([]);
    expect([...plan.changed]).toEqual([[3, ['电话：（空） → 0312-1234567', '上级单位：t-a → t-b']]]);
    expect(plan.records[3]).toMatchObject({ id: 'v-a-x', parent: 't-b', maintainers: ['@hand'], hours: '手工填的办公时间' });
  });

  it('keeps the parent when the cell is empty, and changes nothing when nothing changed', () => {
    const plan = planUnits(sheet('', ''), existing, '清河县', pinyin);
    expect(plan.problems).toEqual([]);
    expect(plan.changed.size).toBe(0);
    expect(plan.unchanged).toBe(1);
    expect(plan.notInSheet).toEqual(['城关镇（t-a）', '柳河镇（t-b）']);
  });
});

describe('planBoards: the print shop’s job ticket', () => {
  const units = unitsFileSchema.parse([
    { id: 'county', name: '中共清河县委员会', kind: 'county-committee' },
    { id: 't-a', name: '城关镇', kind: 'town', parent: 'county' },
  ]);
  const sheet = (placement: string, copies: string) => ({
    name: '公开栏表.csv',
    rows: [
      { row: 1, cells: ['单位', '位置', '宽', '高', '室内/室外', '材料', '表面处理', '安装方式', '基材', '固定方式', '份数'] },
      { row: 2, cells: ['城关镇', '镇政府大院宣传长廊', '3000', '1500', placement, '户外车贴', '覆亮膜', '不锈钢宣传栏', 'PVC 雪弗板', '压条卡紧', copies] },
    ],
  });

  it('reads placement, material, finish, mounting, substrate, fixing and copies into the board', () => {
    const plan = planBoards(sheet('室外', '2份'), [], units, new Map());
    expect(plan.problems).toEqual([]);
    expect(plan.records[0]).toMatchObject({
      id: 'b-t-a',
      placement: 'outdoor',
      material: '户外车贴',
      finish: '覆亮膜',
      mounting: '不锈钢宣传栏',
      substrate: 'PVC 雪弗板',
      fixing: '压条卡紧',
      copies: 2,
    });
    expect(boardsFileSchema.safeParse(plan.records).success).toBe(true);
  });

  it('names the cell when placement or copies cannot be read', () => {
    const plan = planBoards(sheet('半室外', '很多'), [], units, new Map());
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([
      [2, '“半室外”应当写“室内”或“室外”'],
      [2, '份数“很多”应当是 1 到 20 的整数'],
    ]);
  });
});

describe('planUnits: every problem in one pass', () => {
  it('reports a wrong parent even on a row whose other cells are wrong too', () => {
    const existing = unitsFileSchema.parse([{ id: 'county', name: '中共清河县委员会', kind: 'county-committee' }]);
    const plan = planUnits(
      {
        name: '单位表.csv',
        rows: [
          { row: 1, cells: ['单位名称', '类型', '上级单位', '户数'] },
          { row: 2, cells: ['城关镇', '镇', '', '5200'] },
          { row: 3, cells: ['东门社区', '社区', '城关真', '约860户'] },
        ],
      },
      existing,
      '清河县',
      pinyin,
    );
    expect(plan.problems.map((p) => [p.row, p.message, p.hint])).toEqual([
      [3, '户数“约860户”不是整数', '请只写数字，例如 320。'],
      [3, '上级单位“城关真”既不在表格中，也不在单位名录中', '是不是想写“城关镇”？'],
    ]);
  });
});
