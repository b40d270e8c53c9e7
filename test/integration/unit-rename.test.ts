/**
 * A county renames units after it has content (issue 28): `gongkai rename unit` and a 原名称
 * column move the unit's folders, boards and CODEOWNERS lines together, and check passes after;
 * a corrected bracket renames in place; a mobile number as an office phone is refused by import,
 * check and the go-live check until the county lists it as a public number.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COUNTY_INIT as INIT, UNIT_HEADER, UNIT_ROWS, writeCountySheets, writeWorkbook, writeXlsx } from '../fixtures/county-sheets.ts';
import { cli, MINI, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-rename-');
let dir = '';
let content = '';
const run = (...args: string[]) => cli([...args, '--content', content]);
const read = (rel: string) => readFileSync(join(content, rel), 'utf8');
const units = () => parse(read('units.yaml')) as { id: string; name: string; parent?: string; phone?: string }[];
const boards = () => parse(read('boards.yaml')) as { id: string; unit: string }[];
const owners = () => readFileSync(join(dir, '.gitlab/CODEOWNERS'), 'utf8');
/** Every file under content/, with its text: what a dry run must leave as it was. */
const snapshot = () =>
  readdirSync(content, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort()
    .map((f) => [f, readFileSync(f, 'utf8')]);

beforeAll(async () => {
  dir = temp();
  content = join(dir, 'content');
  expect(cli(['init', '--dir', dir, ...INIT]).code).toBe(0);
  await writeCountySheets(dir);
  expect(run('import', 'units', join(dir, 'units.xlsx')).code).toBe(0);
  expect(run('import', 'boards', join(dir, 'boards.csv')).code).toBe(0);
  // 王庄村 has entries (with a photo) and a request; its town 柳河镇 has entries too.
  cpSync(join(MINI, 'entries/v-demo-a'), join(content, 'entries/v-liuhe-wangzhuang'), { recursive: true });
  cpSync(join(MINI, 'requests/v-demo-a'), join(content, 'requests/v-liuhe-wangzhuang'), { recursive: true });
  cpSync(join(MINI, 'entries/t-demo'), join(content, 'entries/t-liuhe'), { recursive: true });
  expect(run('check').code).toBe(0);
}, 60_000);

describe('gongkai rename unit', () => {
  it('--dry-run lists every change and changes nothing', () => {
    const before = snapshot();
    const r = run('rename', 'unit', '王庄村', '王家庄村', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('改名：“王庄村”（v-liuhe-wangzhuang） → “王家庄村”（v-liuhe-wangjiazhuang）');
    expect(r.stdout).toContain(
      '公开栏 b-v-liuhe-wangzhuang：单位：v-liuhe-wangzhuang → v-liuhe-wangjiazhuang；标识：b-v-liuhe-wangzhuang → b-v-liuhe-wangjiazhuang',
    );
    expect(r.stdout).toMatch(/文件夹 \S*entries\/v-liuhe-wangzhuang\/ → \S*entries\/v-liuhe-wangjiazhuang\/（4 个文件）/);
    expect(r.stdout).toMatch(/文件夹 \S*requests\/v-liuhe-wangzhuang\/ → \S*requests\/v-liuhe-wangjiazhuang\/（1 个文件）/);
    expect(r.stdout).toContain('CODEOWNERS：按新的单位名录重新生成');
    expect(r.stdout).toContain('--keep-id');
    expect(snapshot()).toEqual(before);
  });

  it('moves the folders, boards and CODEOWNERS lines of a village, and check passes after', () => {
    const r = run('rename', 'unit', '王庄村', '王家庄村');
    expect(r.code).toBe(0);
    expect(existsSync(join(content, 'entries/v-liuhe-wangzhuang'))).toBe(false);
    expect(readdirSync(join(content, 'entries/v-liuhe-wangjiazhuang/2026')).sort()).toEqual([
      'dues-2026-h1.md',
      'road-deliberation.md',
      'road-site.jpg',
      'sanhui-2026-10.md',
    ]);
    expect(existsSync(join(content, 'requests/v-liuhe-wangjiazhuang/2026/road-funds.md'))).toBe(true);
    expect(units().find((u) => u.id === 'v-liuhe-wangjiazhuang')).toMatchObject({ name: '王家庄村', parent: 't-liuhe' });
    expect(boards().find((b) => b.unit === 'v-liuhe-wangjiazhuang')!.id).toBe('b-v-liuhe-wangjiazhuang');
    expect(owners()).toContain('/content/entries/v-liuhe-wangjiazhuang/ @qh-wangzhuang @qinghe-dwgk');
    expect(owners()).not.toContain('v-liuhe-wangzhuang/');
    const check = run('check');
    expect(check.stdout).toContain('没有发现问题');
    expect(check.code).toBe(0);
  });

  it('renames a town: the villages under it point at its new id', () => {
    expect(run('rename', 'unit', 't-liuhe', '柳河街道').stdout).toContain('“柳河街道”（t-liuhe）');
    const r = run('rename', 'unit', '柳河街道', '清水镇');
    expect(r.code).toBe(0);
    expect(
      units()
        .filter((u) => u.parent === 't-qingshui')
        .map((u) => u.id),
    ).toEqual(expect.arrayContaining(['v-liuhe-wangjiazhuang', 'v-liuhe-lijia', 'v-liuhe-hewan', 'v-liuhe-xinzhuang', 'v-liuhe-hewan-2']));
    expect(units().some((u) => u.parent === 't-liuhe')).toBe(false);
    expect(existsSync(join(content, 'entries/t-qingshui/2026/org-setup.md'))).toBe(true);
    expect(run('check').code).toBe(0);
  });

  it('refuses, changing nothing, what it cannot do', () => {
    const before = snapshot();
    const taken = run('rename', 'unit', '杏花村', '石桥村');
    expect(taken.code).toBe(1);
    expect(taken.stdout).toContain('错误 标识“v-shiqiao-shiqiao”已经是“石桥村”的');
    expect(run('rename', 'unit', '杏花村', '--keep-id').code).toBe(2);
    expect(snapshot()).toEqual(before);
  });
});

describe('renames in the units sheet', () => {
  it('a corrected bracket renames the unit in place, never adds a second one', async () => {
    writeFileSync(join(content, 'units.yaml'), read('units.yaml').replace('name: 新庄村（石桥）', 'name: 新庄村(石桥)'));
    const rows = UNIT_ROWS.filter((r) => r[0] === '新庄村（石桥）');
    await writeXlsx(join(dir, 'fix.xlsx'), UNIT_HEADER, rows);
    const r = run('import', 'units', join(dir, 'fix.xlsx'));
    expect(r.stdout).toContain('新增 0 个单位，修改 1 个');
    expect(r.stdout).toContain('~ v-shiqiao-xinzhuang 新庄村（石桥）：名称：新庄村(石桥) → 新庄村（石桥）');
    expect(units().filter((u) => u.name.startsWith('新庄村'))).toHaveLength(2);
    expect(run('check').code).toBe(0);
  });

  it('a 原名称 column moves the folders and boards as rename does', async () => {
    await writeWorkbook(join(dir, 'rename.xlsx'), [
      { name: '说明', rows: [['改名的单位在“原名称”写旧名称']] },
      {
        name: '单位',
        rows: [
          ['单位名称', '类型', '上级单位', '原名称'],
          ['王家庄社区', '社区', '清水镇', '王家庄村'],
        ],
      },
    ]);
    const dry = run('import', 'units', join(dir, 'rename.xlsx'), '--dry-run');
    expect(dry.stdout).toContain('读取第 2 个工作表“单位”');
    expect(dry.stdout).toContain('标识：v-liuhe-wangjiazhuang → v-qingshui-wangjiazhuang');
    expect(dry.stdout).toMatch(/文件夹 \S*entries\/v-liuhe-wangjiazhuang\/ → \S*entries\/v-qingshui-wangjiazhuang\//);
    expect(existsSync(join(content, 'entries/v-liuhe-wangjiazhuang'))).toBe(true);
    const r = run('import', 'units', join(dir, 'rename.xlsx'));
    expect(r.code).toBe(0);
    expect(existsSync(join(content, 'entries/v-qingshui-wangjiazhuang/2026/road-site.jpg'))).toBe(true);
    expect(boards().find((b) => b.unit === 'v-qingshui-wangjiazhuang')!.id).toBe('b-v-qingshui-wangjiazhuang');
    expect(owners()).toContain('/content/requests/v-qingshui-wangjiazhuang/');
    expect(run('check').code).toBe(0);
    // The same sheet again: the unit has its new name already; nothing to do.
    expect(run('import', 'units', join(dir, 'rename.xlsx')).stdout).toContain('已经与表格一致');
  });
});

describe('a mobile number as an office phone', () => {
  it('is refused by import at its cell, with the fix', async () => {
    const rows = UNIT_ROWS.filter((r) => r[0] === '杏花村').map((r) => r.map((c, i) => (i === 4 ? '13931201234' : c)));
    await writeXlsx(join(dir, 'mobile.xlsx'), UNIT_HEADER, rows);
    const r = run('import', 'units', join(dir, 'mobile.xlsx'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('mobile.xlsx 的工作表“单位” 第 2 行 E 列（电话）：错误 “杏花村”的电话（139*****234）是个人手机号');
    expect(r.stdout).toContain('提示：请改成单位的办公电话');
  });

  it('fails check and the go-live check in units.yaml until it is listed as a public number', () => {
    writeFileSync(join(content, 'units.yaml'), read('units.yaml').replace(/0312-8345621/, '13931201234'));
    expect(read('units.yaml')).toContain('13931201234');
    for (const args of [['check'], ['check', '--go-live']]) {
      const r = run(...args);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/units\.yaml:\d+:\d+: 错误\[office-phone-mobile\] “杏花村”的电话（139\*\*\*\*\*234）是个人手机号/);
    }
    writeFileSync(join(content, 'site.yaml'), read('site.yaml').replace('allowed_numbers:\n', 'allowed_numbers:\n  - "139 3120 1234"\n'));
    expect(run('check').code).toBe(0);
  });
});
