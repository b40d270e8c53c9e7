/**
 * A county goes live: init → import 20 units (.xlsx) and 15 boards (GBK .csv) → check --go-live →
 * build, on a fresh folder; bad rows of every kind told by sheet, row and column with nothing
 * written; a re-import that keeps hand edits; and the go-live check failing on the demo county.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { collectingLog } from '../../src/pipeline/log.ts';
import { runBuild } from '../../src/pipeline/run-build.ts';
import { COUNTY_INIT as INIT, UNIT_HEADER, UNIT_ROWS, writeCountySheets, writeGbkCsv, writeXlsx } from '../fixtures/county-sheets.ts';
import { cli, copyMini, ENTRY, GOOD_FM, put, ROOT, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-county-');

let dir = '';
let content = '';
const units = () =>
  parse(readFileSync(join(content, 'units.yaml'), 'utf8')) as { id: string; name: string; parent?: string; households?: number; maintainers?: string[] }[];
const boards = () =>
  parse(readFileSync(join(content, 'boards.yaml'), 'utf8')) as { id: string; unit: string; width_mm: number; height_mm: number; template: string }[];
const run = (...args: string[]) => cli([...args, '--content', content]);

beforeAll(async () => {
  dir = temp();
  content = join(dir, 'content');
  expect(cli(['init', '--dir', dir, ...INIT]).code).toBe(0);
  await writeCountySheets(dir);
});

describe('gongkai init', () => {
  it('writes a content folder that passes check, with CODEOWNERS for the forge', () => {
    expect(units()).toEqual([{ id: 'county', name: '中共清河县委员会', kind: 'county-committee', maintainers: ['@qinghe-dwgk'] }]);
    expect(boards()).toEqual([]);
    expect(readFileSync(join(dir, '.gitlab/CODEOWNERS'), 'utf8')).toContain('* @qinghe-dwgk');
    const r = run('check');
    expect(r.stdout).toContain('没有发现问题');
    expect(r.code).toBe(0);
  });

  it('refuses to replace existing content without --force, and says how to get the demo back', () => {
    const r = cli(['init', '--dir', dir, ...INIT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(r.stderr).toContain('npm run demo:generate');
  });

  it('removes the demo’s generated CODEOWNERS for another forge, never a hand-written one', () => {
    const other = temp();
    const demo = put(other, '.github/CODEOWNERS', readFileSync(join(ROOT, '.github/CODEOWNERS'), 'utf8'));
    const hand = put(other, '.gitea/CODEOWNERS', '* @someone\n');
    expect(cli(['init', '--dir', other, ...INIT]).code).toBe(0);
    expect(existsSync(demo)).toBe(false);
    expect(existsSync(hand)).toBe(true);
    expect(existsSync(join(other, '.gitlab/CODEOWNERS'))).toBe(true);
  });

  it('asks in Chinese when flags are missing, an empty line taking the default', () => {
    const asked = temp();
    const answers = ['清河县', '', '', 'https://dwgk.qinghe.gov.cn/', '0312-8123456', 'gitea', '@qinghe-dwgk', ''].join('\n');
    const r = cli(['init', '--dir', asked], ROOT, answers, { GONGKAI_FORCE_PROMPT: '1' });
    expect(r.stdout).toContain('网站名称（直接回车：清河县党务公开网）：');
    expect(r.code).toBe(0);
    const site = parse(readFileSync(join(asked, 'content/site.yaml'), 'utf8'));
    expect(site).toMatchObject({ title: '清河县党务公开网', publisher: '中共清河县委组织部', codeowners: { forge: 'gitea', office: ['@qinghe-dwgk'] } });
    expect(existsSync(join(asked, '.gitea/CODEOWNERS'))).toBe(true);
  });

  it('refuses bad answers in Chinese, without a stack trace', () => {
    const r = cli(['init', '--dir', temp(), ...INIT.map((a) => (a === '0312-8123456' ? '电话' : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--phone 电话：“电话”不是电话号码。电话写区号-号码，例如 0312-8123456');
    expect(r.stderr).not.toMatch(/supervision_phone|allowed_numbers/);
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/);
  });
});

describe('gongkai import, then check --go-live and build', () => {
  it('shows the plan with --dry-run and writes nothing', () => {
    const before = readFileSync(join(content, 'units.yaml'), 'utf8');
    const r = run('import', 'units', join(dir, 'units.xlsx'), '--dry-run');
    expect(r.stdout).toContain('新增 20 个单位');
    expect(r.stdout).toContain('没有写入任何文件');
    expect(r.code).toBe(0);
    expect(readFileSync(join(content, 'units.yaml'), 'utf8')).toBe(before);
  });

  it('imports 20 units from .xlsx with pinyin ids, reports the collision and regenerates CODEOWNERS', () => {
    const r = run('import', 'units', join(dir, 'units.xlsx'));
    expect(r.code).toBe(0);
    const list = units();
    expect(list).toHaveLength(21);
    const ids = list.map((u) => u.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'v-shiqiao-xinzhuang',
        'v-liuhe-xinzhuang',
        'cu-zuzhibu',
        'cu-xuanchuanbu',
        'cu-jiaoyuju',
        't-chengguan',
        't-liuhe',
        't-shiqiao',
        'v-chengguan-dongmen',
        'v-liuhe-hewan',
        'v-liuhe-hewan-2',
      ]),
    );
    expect(list.find((u) => u.id === 'v-liuhe-hewan-2')).toMatchObject({ name: '河湾社区', parent: 't-liuhe', households: 560, maintainers: ['@qh-hewan-sq'] });
    // The collision is reported at the row of the second unit (row 21: header + 20 rows).
    expect(r.stdout).toMatch(/units\.xlsx 的工作表“单位” 第 21 行：警告 按名称生成的标识“v-liuhe-hewan”已被其他单位使用，“河湾社区”改用“v-liuhe-hewan-2”/);
    expect(readFileSync(join(dir, '.gitlab/CODEOWNERS'), 'utf8')).toContain('/content/entries/v-liuhe-hewan-2/ @qh-hewan-sq @qinghe-dwgk');
  });

  it('imports 15 boards from a GBK .csv, converting 2.4米 and 120厘米 and choosing templates by kind', () => {
    const r = run('import', 'boards', join(dir, 'boards.csv'));
    expect(r.code).toBe(0);
    const list = boards();
    expect(list).toHaveLength(15);
    expect(list.find((b) => b.id === 'b-cu-xuanchuanbu')).toMatchObject({ width_mm: 2400, template: 'county-unit' });
    expect(list.find((b) => b.id === 'b-cu-jiaoyuju')).toMatchObject({ height_mm: 1200 });
    expect(list.find((b) => b.id === 'b-v-liuhe-lijia')).toMatchObject({ template: 'small', width_mm: 1200 });
    expect(list.find((b) => b.id === 'b-v-chengguan-dongmen')).toMatchObject({ template: 'village' });
  });

  it('passes check --go-live', () => {
    const r = run('check', '--go-live');
    expect(r.stdout).toContain('上线检查通过');
    expect(r.code).toBe(0);
  });

  it('builds the site and print files with production: true', async () => {
    const site = join(content, 'site.yaml');
    writeFileSync(site, readFileSync(site, 'utf8').replace('production: false', 'production: true'));
    mkdirSync(join(ROOT, '.cache/test-builds'), { recursive: true });
    const out = join(mkdtempSync(join(ROOT, '.cache/test-builds/county-')), 'dist');
    afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));
    const cache = temp();
    const r = await runBuild(
      { content, templates: join(dir, 'templates'), out, cacheRoot: cache, astroCacheRoot: cache, today: '2026-11-28' },
      collectingLog(),
    );
    // Nothing is published yet: no board or card is a print job (launch day: test/integration/launch-day.test.ts).
    expect([r.boards, r.cards]).toEqual([0, 0]);
    expect(r.empty).toEqual({ boards: 15, cards: 21 }); // one card set per unit, the county committee's included
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('清河县党务公开网');
    expect(home).not.toContain('示范县');
    const print = readFileSync(join(out, 'print/index.html'), 'utf8');
    expect(print).not.toContain('/print/boards/b-v-shiqiao-xinzhuang.pdf');
    expect(print).toContain('另有 15 块公开栏、21 个单位的明白卡目前没有可印的内容');
    expect(readFileSync(join(out, 'units/v-liuhe-hewan-2/index.html'), 'utf8')).toContain('河湾社区');
  }, 180_000);

  it('re-imports an updated sheet: changes what the sheet changed, keeps hand edits and comments', async () => {
    const file = join(content, 'units.yaml');
    // Hand edits: a comment, a second maintainer typed into units.yaml, a unit added by hand.
    const edited = readFileSync(file, 'utf8')
      .replace('- id: t-chengguan', '# 城关镇 2026 年换届后核对过\n- id: t-chengguan')
      .replace('    - "@qh-dongmen"', '    - "@qh-dongmen"\n    - "@qh-chengguan"')
      .concat('- id: cu-handmade\n  name: 清河县档案馆党支部\n  kind: county-unit\n  parent: county\n');
    writeFileSync(file, edited);
    const rows = UNIT_ROWS.map((r) => [...r]);
    rows[4]![3] = '5600'; // 城关镇: households 4300 → 5600
    rows[7]![7] = ''; // 东门社区: maintainer left empty in the sheet — the hand-typed pair stays
    await writeXlsx(join(dir, 'units-v2.xlsx'), UNIT_HEADER, rows);
    const r = run('import', 'units', join(dir, 'units-v2.xlsx'));
    expect(r.stdout).toContain('新增 0 个单位，修改 1 个，不变 19 个');
    expect(r.stdout).toContain('~ t-chengguan 城关镇：户数：4300 → 5600');
    expect(r.stdout).toContain('清河县档案馆党支部（cu-handmade）');
    expect(r.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('# 城关镇 2026 年换届后核对过');
    expect(units().find((u) => u.id === 'v-chengguan-dongmen')!.maintainers).toEqual(['@qh-dongmen', '@qh-chengguan']);
    expect(units().find((u) => u.id === 'cu-handmade')).toBeDefined();
    expect(units().find((u) => u.id === 't-chengguan')!.households).toBe(5600);
    expect(run('check').code).toBe(0);
  });
});

describe('bad rows', () => {
  it('in a units sheet: every problem by sheet, row and column, and nothing written', async () => {
    const file = join(content, 'units.yaml');
    const before = readFileSync(file, 'utf8');
    const bad = [
      ['', '村（社区）', '城关镇', '100', '', '', '', ''], // 2: no name
      ['新村', '自然村', '城关镇', '100', '', '', '', ''], // 3: unknown kind
      ['新村二', '村', '城关镇', '一百户', '', '', '', ''], // 4: households not a number
      ['新村三', '村', '城关镇', '100', '电话待定', '', '', ''], // 5: phone
      ['新村四', '村', '城关镇', '100', '', '', '', '张三'], // 6: a name, not a forge account
      ['新村五', '村', '', '100', '', '', '', ''], // 7: village without a town
      ['新村六', '村', '城关真', '100', '', '', '', ''], // 8: unknown parent (a typo)
      ['新村七', '村', '城关镇', '100', '', '', '', ''], // 9
      ['新村七', '村', '城关镇', '100', '', '', '', ''], // 10: duplicate of row 9
      ['新村八', '村', '中共清河县委组织部', '100', '', '', '', ''], // 11: a village under a county unit
    ];
    await writeXlsx(join(dir, 'bad-units.xlsx'), UNIT_HEADER, bad);
    const r = run('import', 'units', join(dir, 'bad-units.xlsx'));
    expect(r.code).toBe(1);
    const at = (row: number, rest: string) => expect(r.stdout).toContain(`bad-units.xlsx 的工作表“单位” 第 ${row} 行${rest}`);
    at(2, ' A 列（单位名称）：错误 单位名称是空的');
    at(3, ' B 列（类型）：错误 类型“自然村”不认识');
    at(4, ' D 列（户数）：错误 户数“一百户”不是整数');
    at(5, ' E 列（电话）：错误 电话“电话待定”不是电话号码');
    at(6, ' H 列（维护人）：错误 维护人“张三”不是代码托管平台的用户名');
    at(7, '：错误 村（社区）“新村五”没有填上级单位');
    at(8, '：错误 上级单位“城关真”既不在表格中，也不在单位名录中');
    expect(r.stdout).toContain('是不是想写“城关镇”？');
    at(10, ' A 列（单位名称）：错误 单位名称“新村七”与第 9 行重复');
    at(11, ' C 列（上级单位）：错误 村（社区）的上级应当是镇（街道）');
    expect(r.stdout).toMatch(/表格中有 \d+ 个错误，没有写入任何文件/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('in a boards sheet (GBK .csv): unknown unit, sizes, template, missing place', () => {
    const before = readFileSync(join(content, 'boards.yaml'), 'utf8');
    writeGbkCsv(
      join(dir, 'bad-boards.csv'),
      ['单位', '位置', '宽', '高', '模板', '备注'],
      [
        ['城关真', '门前', '2400', '1200', '', ''],
        ['东门社区', '', '2400', '1200', '', ''],
        ['西关社区', '门前', '2.4厘米', '1200', '', ''],
        ['南街村', '门前', '2400', '宽一米二', '', ''],
        ['北坡村', '门前', '2400', '1200', '大号', ''],
      ],
    );
    const r = run('import', 'boards', join(dir, 'bad-boards.csv'));
    expect(r.code).toBe(1);
    const at = (row: number, rest: string) => expect(r.stdout).toContain(`bad-boards.csv 第 ${row} 行${rest}`);
    at(1, ' F 列（备注）：警告 不认识的列“备注”');
    at(2, ' A 列（单位）：错误 单位“城关真”不在单位名录中');
    expect(r.stdout).toContain('提示：是不是想写“城关镇”？');
    at(3, ' B 列（位置）：错误 位置是空的');
    at(4, ' C 列（宽）：错误 宽“2.4厘米”是 24 毫米，不在 100～10000 毫米之间');
    expect(r.stdout).toContain('提示：请核对数字和单位。请写毫米数，例如 2400（也可以写 2.4米、240厘米）');
    at(5, ' D 列（高）：错误 高“宽一米二”不是尺寸');
    at(6, ' E 列（模板）：错误 模板“大号”不存在');
    expect(readFileSync(join(content, 'boards.yaml'), 'utf8')).toBe(before);
  });

  it('a sheet without the headers says which columns it needs', () => {
    writeGbkCsv(join(dir, 'no-header.csv'), ['甲', '乙'], [['城关镇', '门前']]);
    const r = run('import', 'units', join(dir, 'no-header.csv'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('找不到表头：前 10 行中没有“单位名称”“类型”这些列名');
  });
});

describe('the go-live check on the demo county', () => {
  it('fails, naming the placeholders and what is left to do', () => {
    const r = cli(['check', '--go-live']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^content\/site\.yaml:6:11: 错误\[placeholder-address\] 网站地址“https:\/\/dwgk\.shifan\.example\.cn\/”是示范用的地址/m);
    expect(r.stdout).toMatch(/^content\/site\.yaml:\d+:\d+: 错误\[as-of-in-production\]/m);
    expect(r.stdout).toMatch(/^content\/units\.yaml:\d+:\d+: 错误\[placeholder-phone\]/m);
    expect(r.stdout).toContain('✗ 还不能上线，剩下要做的事：');
  }, 60_000);

  it('is run by a plain check and by the build once site.yaml says production: true', async () => {
    const mini = copyMini(temp());
    writeFileSync(join(mini, 'site.yaml'), readFileSync(join(mini, 'site.yaml'), 'utf8') + 'production: true\n');
    put(mini, 'entries/v-demo-a/2026/draft.md', ENTRY(GOOD_FM.replace('李某某', '（待填写）')));
    const r = cli(['check', '--content', mini], mini);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^entries\/v-demo-a\/2026\/draft\.md:\d+:\d+: 错误\[placeholder\] 还有“（待填写）”的地方没有填写（正式站点不能发布未填完的条目）/m,
    );
    expect(r.stdout).toMatch(/^site\.yaml:6:11: 错误\[placeholder-address\]/m);
    expect(r.stdout).toMatch(/^units\.yaml:\d+:\d+: 错误\[placeholder-phone\] “中共测试镇委员会”的电话“0000-6100001”是示范用的号码/m);
    const build = runBuild(
      { content: mini, templates: join(ROOT, 'templates'), out: join(temp(), 'dist'), cacheRoot: temp(), today: '2026-11-28' },
      collectingLog(),
    );
    await expect(build).rejects.toThrow('内容有错误，构建已停止');
  });

  it('is not run by a plain check of the demo', () => {
    const r = cli(['check']);
    expect(r.stdout).not.toContain('placeholder');
    expect(r.code).toBe(0);
  }, 60_000);
});
