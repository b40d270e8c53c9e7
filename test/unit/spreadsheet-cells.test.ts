/**
 * Cells as county offices type them (issue 28): phone extensions, sizes in one column or one cell
 * in every common form, numbers without a unit, values the import reads into another form (and
 * the dry run lists), and personal mobile numbers in the registries.
 */
import { describe, expect, it } from 'vitest';
import { planBoards } from '../../src/domain/import/board-import.ts';
import { readSize } from '../../src/domain/import/sizes.ts';
import { planUnits } from '../../src/domain/import/unit-import.ts';
import { phoneFromCell, telUri } from '../../src/domain/phone.ts';
import { checkBoards, checkUnits } from '../../src/domain/rules/registry-rules.ts';
import { boardsFileSchema } from '../../src/domain/schema/board.ts';
import { phoneSchema } from '../../src/domain/schema/common.ts';
import { unitsFileSchema } from '../../src/domain/schema/unit.ts';
import { romanise } from '../../src/load/romanise.ts';

const pinyin = (s: string) => romanise(s).full;
const sheet = (rows: string[][], name = '表.csv') => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const units = unitsFileSchema.parse([
  { id: 'county', name: '中共清河县委员会', kind: 'county-committee' },
  { id: 't-chengguan', name: '城关镇', kind: 'town', parent: 'county', households: 4300 },
]);
const boards = (rows: string[][], header = ['单位', '位置', '尺寸（宽×高）']) => planBoards(sheet([header, ...rows]), [], units, new Map());

describe('phone numbers with extensions', () => {
  it.each([
    ['0312-8123456转801', '0312-8123456转801', undefined],
    ['0312－8123456 转 801', '0312-8123456转801', '全角字符改为半角，分机号写在“转”字后面'],
    ['0312-8123456分机801', '0312-8123456转801', '分机号写在“转”字后面'],
    ['0312-8123456（转801）', '0312-8123456转801', '全角字符改为半角，分机号写在“转”字后面'],
    ['0312—8123456', '0312-8123456', '长横线改为“-”'],
    ['０３１２-８１２３４５６', '0312-8123456', '全角字符改为半角'],
  ])('reads %s as %s', (cell, phone, how) => {
    expect(phoneFromCell(cell)).toEqual({ phone, ...(how ? { how } : {}) });
  });

  it('refuses what is no phone number, with the extension form and no placeholder as example', () => {
    expect(phoneFromCell('电话待定')).toEqual({});
    const r = phoneSchema.safeParse('0312-8123456 ext 801');
    expect(r.success).toBe(false);
    const message = r.error!.issues[0]!.message;
    expect(message).toContain('0312-8123456转801');
    expect(message).not.toMatch(/0000|example/);
    expect(phoneSchema.parse('0312-8123456转801')).toBe('0312-8123456转801');
  });

  it('dials the extension after a pause', () => {
    expect(telUri('0312-8123456转801')).toBe('tel:0312-8123456,801');
    expect(telUri('0312-8123456（城关镇党委）')).toBe('tel:0312-8123456');
  });

  it('are kept by the unit import as offices write them', () => {
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '电话'],
        ['柳河镇', '镇', '0312-8123456 转801'],
      ]),
      units,
      '清河县',
      pinyin,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.records[2]!.phone).toBe('0312-8123456转801');
    expect(plan.conversions.get(2)).toEqual(['电话：“0312-8123456 转801” → 0312-8123456转801（分机号写在“转”字后面）']);
  });
});

describe('sizes in one column or one cell', () => {
  it.each([
    '2400×1200',
    '2400*1200',
    '2400x1200',
    '2400X1200',
    '2.4x1.2',
    '2.4米×1.2米',
    '2.4m*1.2m',
    '240cm×120cm',
    '240×120厘米',
    '2400毫米×1200毫米',
    '2400 mm × 1200 mm',
    '２４００＊１２００',
    '宽2.4米，高1.2米',
    '240 × 120',
  ])('reads %s as 2400×1200 millimetres', (cell) => {
    const r = readSize(cell);
    expect('ok' in r && r.ok.mm).toEqual([2400, 1200]);
  });

  it('imports a sheet whose one 尺寸（宽×高） column holds every form, without a problem', () => {
    const forms = ['2400×1200', '2.4米×1.2米', '2400*1200', '2.4x1.2', '240×120厘米'];
    const plan = boards(forms.map((f, i) => ['城关镇', `位置${i}`, f]));
    expect(plan.problems).toEqual([]);
    expect(plan.records.map((b) => [b.width_mm, b.height_mm])).toEqual(forms.map(() => [2400, 1200]));
    expect(boardsFileSchema.safeParse(plan.records).success).toBe(true);
  });

  it('says a missing size once at the header, not once per row', () => {
    const rows = Array.from({ length: 25 }, (_, i) => ['城关镇', `位置${i}`, '2400×1200']);
    const plan = boards(rows, ['单位', '位置', '规格说明']);
    expect(plan.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.message])).toEqual([[1, '缺少“宽”“高”列']]);
    expect(plan.problems.find((p) => p.severity === 'error')!.hint).toContain('“尺寸（宽×高）”');
  });

  it('reads a 宽 cell holding both lengths when 高 is empty', () => {
    const plan = boards([['城关镇', '门前', '3000×1500', '']], ['单位', '位置', '宽', '高']);
    expect(plan.problems).toEqual([]);
    expect(plan.records[0]).toMatchObject({ width_mm: 3000, height_mm: 1500 });
  });

  it('names the cell as typed, spaces kept, when it cannot be read', () => {
    const plan = boards([
      ['城关镇', '甲', '2400'],
      ['城关镇', '乙', '2400×1200×30'],
      ['城关镇', '丙', '2.4 米 × 一米二'],
      ['城关镇', '丁', '2.4厘米×1.2厘米'],
    ]);
    expect(plan.problems.map((p) => [p.row, p.column, p.message])).toEqual([
      [2, 'C 列（尺寸（宽×高））', '尺寸“2400”只有一个数，应当写宽×高'],
      [3, 'C 列（尺寸（宽×高））', '尺寸“2400×1200×30”写了 3 个数'],
      [4, 'C 列（尺寸（宽×高））', '尺寸“2.4 米 × 一米二”不是尺寸'],
      [5, 'C 列（尺寸（宽×高））', '尺寸“2.4厘米×1.2厘米”是 24 毫米，不在 100～10000 毫米之间'],
    ]);
  });
});

describe('a number without a unit', () => {
  it.each([
    ['2.4', 2400, '没写单位，按米算'],
    ['240', 2400, '没写单位，按厘米算'],
    ['60', 600, '没写单位，按厘米算'],
    ['2400', 2400, undefined],
    ['800', 800, undefined],
  ])('%s is read as %i millimetres', (cell, mm, how) => {
    const r = readSize(cell);
    if (!('ok' in r)) throw new Error(`not read: ${cell}`);
    expect(r.ok.mm).toEqual([mm]);
    expect(r.ok.converted).toBe(how !== undefined);
    if (how) expect(r.ok.how).toBe(how);
  });

  it('takes the unit the header names', () => {
    expect(readSize('2.4', 'cm')).toEqual({ ok: { mm: [24], converted: true, how: '按表头的单位厘米算' } });
    const plan = boards([['城关镇', '门前', '2.4', '1.2']], ['单位', '位置', '宽（米）', '高（米）']);
    expect(plan.records[0]).toMatchObject({ width_mm: 2400, height_mm: 1200 });
  });

  it('is never told to be 2.4厘米: 2.4 is imported as 2.4 metres and the dry run says so', () => {
    const plan = boards([['城关镇', '门前', '2.4', '1200']], ['单位', '位置', '宽', '高']);
    expect(plan.problems).toEqual([]);
    expect(plan.records[0]).toMatchObject({ width_mm: 2400, height_mm: 1200 });
    expect(plan.conversions.get(0)).toEqual(['宽：“2.4” → 2400 毫米（没写单位，按米算）']);
    expect(JSON.stringify(plan)).not.toContain('2.4厘米');
  });
});

describe('what the dry run lists', () => {
  it('every value of a new unit read into another form', () => {
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '户数', '电话', '维护人'],
        [' 柳河 镇 ', '镇', '4,500户', '0312－8123457', 'qh-liuhe'],
      ]),
      units,
      '清河县',
      pinyin,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.records[2]).toMatchObject({ name: '柳河镇', households: 4500, phone: '0312-8123457', maintainers: ['@qh-liuhe'] });
    expect(plan.conversions.get(2)).toEqual([
      '单位名称：“ 柳河 镇 ” → 柳河镇（去掉多余的空格）',
      '户数：“4,500户” → 4500',
      '电话：“0312－8123457” → 0312-8123457（全角字符改为半角）',
      '维护人：“qh-liuhe” → @qh-liuhe',
    ]);
  });

  it('of a changed unit, only the values that change the registry', () => {
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '户数', '电话'],
        ['城关镇', '镇', '5600户', '0312-8123456'],
      ]),
      units,
      '清河县',
      pinyin,
    );
    expect([...plan.changed]).toEqual([[1, ['户数：4300 → 5600', '电话：（空） → 0312-8123456']]]);
    expect(plan.conversions.get(1)).toEqual(['户数：“5600户” → 5600']);
  });
});

describe('personal numbers in the registries', () => {
  const withPhone = (phone: string, address?: string) =>
    unitsFileSchema.parse([{ id: 't-a', name: '城关镇', kind: 'town', parent: 'county', phone, ...(address ? { address } : {}) }]);

  it('a mobile as an office phone is an error with its fix, the number masked', () => {
    const [f] = checkUnits(withPhone('13931201234')).filter((x) => x.code !== 'unknown-parent');
    expect(f).toMatchObject({ severity: 'error', code: 'office-phone-mobile', path: [0, 'phone'] });
    expect(f!.message).toContain('139*****234');
    expect(f!.message).not.toContain('13931201234');
    expect(f!.hint).toContain('allowed_numbers');
    expect(f!.hint).toContain('0312-8123456转801');
  });

  it('passes when the county publishes that number on purpose, and for a landline', () => {
    const codes = (list: ReturnType<typeof withPhone>, allowed: string[] = []) => checkUnits(list, allowed).map((f) => f.code);
    expect(codes(withPhone('139 3120 1234'), ['13931201234'])).not.toContain('office-phone-mobile');
    expect(codes(withPhone('0312-8123456转801'))).not.toContain('office-phone-mobile');
  });

  it('a mobile in an address, an ID number in a board’s place: the entries’ rules', () => {
    expect(checkUnits(withPhone('0312-8123456', '联系人13931201234')).find((f) => f.code === 'personal-mobile')).toMatchObject({ path: [0, 'address'] });
    const list = boardsFileSchema.parse([
      { id: 'b-a', unit: 't-a', template: 'town', location: '张三家门前11010519491231002X', width_mm: 2400, height_mm: 1200 },
    ]);
    expect(checkBoards(list, withPhone('0312-8123456'), new Map()).find((f) => f.code === 'personal-id-number')).toMatchObject({ path: [0, 'location'] });
  });
});
