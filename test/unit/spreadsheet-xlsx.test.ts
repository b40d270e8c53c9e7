/**
 * .xlsx files as another program wrote them: test/fixtures/sheets/units-merged-dates.xlsx was
 * saved by openpyxl (not by the SheetJS the reader uses), with what a county's sheet holds — a
 * first sheet of instructions (说明) with a merged title and a date, then 500 units under a
 * title merged across the columns, 上级单位 (and for every other town 类型) merged down each
 * town's villages, 户数 as numbers and as “320户”, and an extra column of dates and times.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/load/spreadsheet-file.ts';
import { romanise } from '../../src/load/romanise.ts';
import { chooseSheet } from '../../src/domain/import/sheet.ts';
import { planUnits, UNIT_COLUMNS } from '../../src/domain/import/unit-import.ts';
import { ROOT, tempDirs } from '../helpers.ts';

const FILE = join(ROOT, 'test/fixtures/sheets/units-merged-dates.xlsx');
const temp = tempDirs('gongkai-xlsx-');

describe('reading an .xlsx', () => {
  it('gives every worksheet in order, merged cells in every cell they cover, dates as dates', async () => {
    const [notes, units] = await readWorkbook(FILE);
    expect([notes!.title, units!.title]).toEqual(['说明', '单位']);
    expect(notes!.name).toBe('units-merged-dates.xlsx 的工作表“说明”');
    expect(notes!.rows[0]).toEqual({ row: 1, cells: Array(6).fill('清河县党组织名录填表说明') });
    // Shown as 2026年12月1日 in Excel: a date whatever its format.
    expect(notes!.rows[2]).toEqual({ row: 3, cells: ['填表日期', '2026-12-01'] });
    expect(units!.rows).toHaveLength(502);
    expect(units!.rows[0]!.cells).toEqual(Array(9).fill('清河县党组织名录（2026年12月）'));
    expect(units!.rows[1]!.cells).toEqual(['单位名称', '类型', '上级单位', '户数', '电话', '地址', '办公时间', '维护人', '更新日期']);
    expect(units!.rows[2]).toEqual({
      row: 3,
      cells: ['城关镇', '镇', '', '4000', '0312-8234510', '清河县城关镇府前街1号', '周一至周五 8:30-12:00', '@qh-town0', '2026-11-01'],
    });
    // The first and the last village of 城关镇's merged block, and a date with a time.
    expect(units!.rows[12]!.cells.slice(0, 4).concat(units!.rows[12]!.cells[8]!)).toEqual(['东西村', '村（社区）', '城关镇', '300户', '2026-12-01 09:30']);
    expect(units!.rows[60]!.cells.slice(0, 3)).toEqual(['西大村', '村（社区）', '城关镇']);
    expect(units!.rows[61]!.cells.slice(0, 3)).toEqual(['西小村', '村（社区）', '柳河镇']);
    expect(units!.rows.at(-1)).toMatchObject({ row: 502, cells: expect.arrayContaining(['老大村', '梨园乡', '636户']) });
  });

  it('imports the 500 units behind the 说明 sheet, each village under the town its merged cell names', async () => {
    const sheets = await readWorkbook(FILE);
    const chosen = chooseSheet('units-merged-dates.xlsx', sheets, UNIT_COLUMNS, '单位表');
    if (!('sheet' in chosen)) throw new Error(chosen.problem);
    const county = { id: 'county', name: '中共清河县委员会', kind: 'county-committee' as const, maintainers: ['@qinghe-dwgk'] };
    const plan = planUnits(chosen.sheet, [county], '清河县', (s) => romanise(s).full);
    expect(plan.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(plan.added).toHaveLength(500);
    const byName = new Map(plan.records.map((u) => [u.name, u]));
    expect(byName.get('西小村')).toMatchObject({ kind: 'village', parent: byName.get('柳河镇')!.id, households: 300 });
    expect(plan.records.filter((u) => u.parent === byName.get('梨园乡')!.id)).toHaveLength(49);
  });

  it('refuses a file that is no .xlsx under that name, in Chinese', async () => {
    const file = join(temp(), '单位表.xlsx');
    writeFileSync(file, '单位名称,类型\n城关镇,镇\n');
    await expect(readWorkbook(file)).rejects.toThrow('无法打开“单位表.xlsx”：文件已损坏，或者不是真正的 .xlsx 文件');
  });
});
