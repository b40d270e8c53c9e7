/**
 * Which unit and which sheet a spreadsheet means (issue 28): villages of one name told apart by
 * their town or named as ambiguous, never picked silently; the data sheet found by its headers in
 * a real .xlsx (or chosen with --sheet); a unit renamed, by a corrected name or a 原名称 column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/load/spreadsheet-file.ts';
import { romanise } from '../../src/load/romanise.ts';
import { planBoards } from '../../src/domain/import/board-import.ts';
import { chooseSheet } from '../../src/domain/import/sheet.ts';
import { planUnits, UNIT_COLUMNS } from '../../src/domain/import/unit-import.ts';
import { planRename, renameBoards } from '../../src/domain/import/unit-rename.ts';
import { boardsFileSchema } from '../../src/domain/schema/board.ts';
import { unitsFileSchema } from '../../src/domain/schema/unit.ts';
import { writeGbkCsv, writeWorkbook } from '../fixtures/county-sheets.ts';
import { tempDirs } from '../helpers.ts';

const pinyin = (s: string) => romanise(s).full;
const temp = tempDirs('gongkai-sheets-');
const sheet = (rows: string[][], name = '表.csv') => ({ name, rows: rows.map((cells, i) => ({ row: i + 1, cells })) });
const base = [
  { id: 'county', name: '中共清河县委员会', kind: 'county-committee' },
  { id: 't-chengguan', name: '城关镇', kind: 'town', parent: 'county' },
  { id: 't-liuhe', name: '柳河镇', kind: 'town', parent: 'county' },
  { id: 't-shiqiao', name: '石桥乡', kind: 'town', parent: 'county' },
  { id: 'v-liuhe-wangzhuang', name: '王庄村', kind: 'village', parent: 't-liuhe' },
];
const units = unitsFileSchema.parse([
  ...base,
  { id: 'v-liuhe-xinzhuang', name: '新庄村', kind: 'village', parent: 't-liuhe' },
  { id: 'v-shiqiao-xinzhuang', name: '新庄村（石桥）', kind: 'village', parent: 't-shiqiao' },
]);
const boardsOf = (rows: string[][], header = ['单位', '位置', '宽', '高']) => planBoards(sheet([header, ...rows]), [], units, new Map());

describe('villages of one name on the boards sheet', () => {
  it('a bare name with two candidates is an error naming both, and no board is made for it', () => {
    const plan = boardsOf([
      ['新庄村', '村委会门前', '2400', '1200'],
      ['新庄村', '村部', '2400', '1200'],
    ]);
    expect(plan.records).toEqual([]);
    expect(plan.problems.map((p) => [p.row, p.column, p.message])).toEqual(
      [2, 3].map((row) => [
        row,
        'A 列（单位）',
        '名录中有 2 个“新庄村”：柳河镇的“新庄村”（v-liuhe-xinzhuang）、石桥乡的“新庄村（石桥）”（v-shiqiao-xinzhuang），看不出指的是哪一个',
      ]),
    );
    expect(plan.problems[0]!.hint).toBe('请在表格中加一列“所属镇”，写上它所属的镇（柳河镇或石桥乡），或写名录中的全称（例如“新庄村（石桥）”）。');
  });

  it('the town column, the town before the name or the full name tells them apart: one board each', () => {
    const plan = boardsOf(
      [
        ['新庄村', '柳河镇', '村委会门前', '2400', '1200'],
        ['新庄村', '石桥', '村委会门前', '2400', '1200'],
        ['石桥乡新庄村', '', '村部', '1200', '900'],
        ['新庄村(石桥)', '', '村东头', '1200', '900'],
      ],
      ['单位', '所属镇', '位置', '宽', '高'],
    );
    expect(plan.problems).toEqual([]);
    expect(plan.records.map((b) => b.unit)).toEqual(['v-liuhe-xinzhuang', 'v-shiqiao-xinzhuang', 'v-shiqiao-xinzhuang', 'v-shiqiao-xinzhuang']);
    expect(boardsFileSchema.safeParse(plan.records).success).toBe(true);
  });

  it('a town that does not have the name, an unknown name and the same place twice are errors with the candidates', () => {
    const plan = boardsOf(
      [
        ['新庄村', '城关镇', '门前', '2400', '1200'],
        ['新庄', '', '门前', '2400', '1200'],
        ['王庄村', '', '门前', '2400', '1200'],
        ['王庄村', '柳河镇', ' 门前 ', '2400', '1200'],
      ],
      ['单位', '所属镇', '位置', '宽', '高'],
    );
    expect(plan.problems.map((p) => [p.row, p.message, p.hint])).toEqual([
      [
        2,
        '城关镇没有“新庄村”',
        '名录中叫这个名字的是：柳河镇的“新庄村”（v-liuhe-xinzhuang）、石桥乡的“新庄村（石桥）”（v-shiqiao-xinzhuang）。请核对单位和所属镇。',
      ],
      [
        3,
        '单位“新庄”不在单位名录中',
        '名录中相近的有：柳河镇的“新庄村”（v-liuhe-xinzhuang）、石桥乡的“新庄村（石桥）”（v-shiqiao-xinzhuang）。请写其中一个的全称，或在“所属镇”列写明镇名。',
      ],
      [5, '与第 4 行是同一个单位（王庄村，v-liuhe-wangzhuang）的同一位置“门前”', expect.stringContaining('一个位置只写一行')],
    ]);
  });
});

describe('villages of one name on the units sheet', () => {
  const header = ['单位名称', '类型', '上级单位'];
  const county = unitsFileSchema.parse(base.slice(0, 4));

  it('are two units under two towns, and one row written twice under one town is a duplicate', () => {
    const plan = planUnits(sheet([header, ['新庄村', '村', '柳河镇'], ['新庄村', '村', '石桥乡'], ['新庄村', '村', '石桥乡']]), county, '清河县', pinyin);
    expect(plan.added.map((i) => plan.records[i]!.id)).toEqual(['v-liuhe-xinzhuang', 'v-shiqiao-xinzhuang']);
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([[4, '单位名称“新庄村”与第 3 行重复']]);
  });

  it('re-imported, each row finds its own by its town; without a town the row is ambiguous', () => {
    const two = planUnits(sheet([header, ['新庄村', '村', '柳河镇'], ['新庄村', '村', '石桥乡']]), county, '清河县', pinyin).records;
    const again = planUnits(sheet([header, ['新庄村', '村', '石桥乡'], ['新庄村', '村', '柳河镇']]), two, '清河县', pinyin);
    expect([again.added, again.changed.size, again.unchanged, again.problems]).toEqual([[], 0, 2, []]);
    const bare = planUnits(sheet([header, ['新庄村', '村', '']]), two, '清河县', pinyin);
    expect(bare.problems.map((p) => p.message)).toEqual([
      '名录中有 2 个“新庄村”：柳河镇的“新庄村”（v-liuhe-xinzhuang）、石桥乡的“新庄村”（v-shiqiao-xinzhuang），看不出指的是哪一个',
    ]);
    expect(bare.added).toEqual([]);
  });
});

describe('the data sheet of a workbook', () => {
  const unitRows = [
    ['单位名称', '类型', '上级单位'],
    ['城关镇', '镇', ''],
  ];

  it('is found by its headers behind a first sheet of instructions, or chosen by name or number', async () => {
    const file = join(temp(), '单位表.xlsx');
    await writeWorkbook(file, [
      { name: '说明', rows: [['填表说明：每行一个单位，表头不要改'], ['单位名称写全称']] },
      { name: '单位', rows: unitRows },
    ]);
    const sheets = await readWorkbook(file);
    expect(sheets.map((s) => s.title)).toEqual(['说明', '单位']);
    const found = chooseSheet('单位表.xlsx', sheets, UNIT_COLUMNS, '单位表');
    expect('sheet' in found && [found.sheet.title, found.note]).toEqual(['单位', '读取第 2 个工作表“单位”（按表头找到；要读别的工作表，用 --sheet 指定）。']);
    for (const wanted of ['单位', '2']) expect(chooseSheet('单位表.xlsx', sheets, UNIT_COLUMNS, '单位表', wanted)).toMatchObject({ sheet: { title: '单位' } });
    expect(chooseSheet('单位表.xlsx', sheets, UNIT_COLUMNS, '单位表', '村')).toEqual({
      problem: '“单位表.xlsx”里没有叫“村”的工作表',
      hint: '这个文件里的工作表：“说明”、“单位”。请照着写工作表的名称，或写第几个（例如 --sheet 2）。',
    });
  });

  it('is asked for when two sheets have the headers, or none has', async () => {
    const file = join(temp(), '两年.xlsx');
    await writeWorkbook(file, [
      { name: '2025年', rows: unitRows },
      { name: '2026年', rows: unitRows },
      { name: '备注', rows: [['甲', '乙']] },
    ]);
    const sheets = await readWorkbook(file);
    expect(chooseSheet('两年.xlsx', sheets, UNIT_COLUMNS, '单位表')).toEqual({
      problem: '“两年.xlsx”有 2 个工作表都有单位表的表头：“2025年”、“2026年”',
      hint: '请用 --sheet 指定导入哪一个，例如 --sheet 2026年。',
    });
    expect(chooseSheet('两年.xlsx', [sheets[2]!, sheets[2]!], UNIT_COLUMNS, '单位表')).toMatchObject({
      problem: expect.stringContaining('都找不到单位表的表头（“单位名称”“类型”）'),
    });
  });

  it('of a GBK .csv is its only one', async () => {
    const file = join(temp(), '单位表.csv');
    writeGbkCsv(file, unitRows[0]!, [['  城关镇 ', '镇', '']]);
    const sheets = await readWorkbook(file);
    expect(sheets).toEqual([
      {
        name: '单位表.csv',
        rows: [
          { row: 1, cells: unitRows[0] },
          { row: 2, cells: ['  城关镇 ', '镇', ''] },
        ],
      },
    ]);
    expect(chooseSheet('单位表.csv', sheets, UNIT_COLUMNS, '单位表', 'x')).toEqual({ sheet: sheets[0] });
  });
});

describe('renaming a unit', () => {
  it('by correcting its brackets in the sheet: the same unit renamed, never a second one', () => {
    const half = unitsFileSchema.parse([...base, { id: 'v-shiqiao-xinzhuang', name: '新庄村(石桥)', kind: 'village', parent: 't-shiqiao' }]);
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '上级单位'],
        ['新庄村（石桥）', '村', '石桥乡'],
      ]),
      half,
      '清河县',
      pinyin,
    );
    expect([plan.added, plan.problems, plan.renames]).toEqual([[], [], []]);
    expect([...plan.changed]).toEqual([[5, ['名称：新庄村(石桥) → 新庄村（石桥）']]]);
  });

  it('by a 原名称 column: a new id, carried to the parents of the units under it', () => {
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '原名称'],
        ['清水镇', '镇', '柳河镇'],
      ]),
      units,
      '清河县',
      pinyin,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.renames).toEqual([{ from: 't-liuhe', to: 't-qingshui', oldName: '柳河镇', newName: '清水镇' }]);
    expect(plan.records.filter((u) => u.parent === 't-qingshui').map((u) => u.id)).toEqual(['v-liuhe-wangzhuang', 'v-liuhe-xinzhuang']);
    expect(plan.changed.get(2)).toEqual(['名称：柳河镇 → 清水镇', '标识：t-liuhe → t-qingshui（文件夹、公开栏和 CODEOWNERS 随之改名）']);
  });

  it('asks for 原名称 when a new name takes the id of a unit the sheet no longer lists', () => {
    const plan = planUnits(
      sheet([
        ['单位名称', '类型', '上级单位'],
        ['王庄社区', '社区', '柳河镇'],
      ]),
      units,
      '清河县',
      pinyin,
    );
    expect(plan.added).toEqual([]);
    expect(plan.problems.map((p) => p.message)).toEqual(['“王庄社区”像是名录中“王庄村”（v-liuhe-wangzhuang）改了名，导入会多出一个单位']);
    expect(plan.problems[0]!.hint).toContain('加一列“原名称”');
  });

  it('with the rename command: the unit, its parent references and its boards, or a problem', () => {
    const plan = planRename(units, { old: '柳河镇', new: '清水镇' }, '清河县', pinyin);
    if ('problem' in plan) throw new Error(plan.problem);
    expect(plan.rename).toEqual({ from: 't-liuhe', to: 't-qingshui', oldName: '柳河镇', newName: '清水镇' });
    expect(plan.units.filter((u) => u.parent === 't-qingshui')).toHaveLength(2);
    const boards = boardsFileSchema.parse([
      { id: 'b-t-liuhe', unit: 't-liuhe', template: 'town', location: '门前', width_mm: 2400, height_mm: 1200 },
      { id: 'b-t-liuhe-2', unit: 't-liuhe', template: 'town', location: '院内', width_mm: 2400, height_mm: 1200 },
      { id: 'liuhe-hall', unit: 't-liuhe', template: 'town', location: '大厅', width_mm: 2400, height_mm: 1200 },
    ]);
    expect(renameBoards(boards, [plan.rename]).boards.map((b) => [b.id, b.unit])).toEqual([
      ['b-t-qingshui', 't-qingshui'],
      ['b-t-qingshui-2', 't-qingshui'],
      ['liuhe-hall', 't-qingshui'],
    ]);
    expect(planRename(units, { old: '柳河镇', new: '清水镇', keepId: true }, '清河县', pinyin)).toMatchObject({ rename: { from: 't-liuhe', to: 't-liuhe' } });
    expect(planRename(units, { old: '新庄村', new: '新庄', town: '石桥乡' }, '清河县', pinyin)).toMatchObject({ rename: { from: 'v-shiqiao-xinzhuang' } });
    expect(planRename(units, { old: '柳河镇', new: '石桥乡' }, '清河县', pinyin)).toEqual({
      problem: '标识“t-shiqiao”已经是“石桥乡”的',
      hint: '请用 --id 另定一个标识（例如 t-shiqiao-2），或加 --keep-id 保留原来的标识“t-liuhe”。',
    });
    expect(planRename(units, { old: '新庄村', new: '新庄子村' }, '清河县', pinyin)).toMatchObject({
      problem: expect.stringContaining('名录中有 2 个“新庄村”'),
    });
  });
});
