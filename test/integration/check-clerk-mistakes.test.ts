/**
 * The mistakes a village clerk made when trying Gongkai (issue 17), each answered by `check`
 * with the right code, on the right file, line and column, with a fix — none accepted in silence.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, copyMini, ENTRY, GOOD_FM, load, put } from '../helpers.ts';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ENTRY_PATH = 'entries/v-demo-a/2026/new-entry.md';

function diagnosticsFor(rel: string, content: string | Uint8Array) {
  dir = copyMini();
  put(dir, rel, content);
  return load(dir).diagnostics.filter((d) => d.file === rel);
}

const TABLE = ['| 月份 | 党员人数 | 实交（元） |', '| --- | --- | --- |', '| 1月 | 42 | 1,890.00 |'];

describe('personal data typed on a Chinese keyboard', () => {
  it('finds a full-width mobile number in the body, with the line and column where it was typed', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM, '联系人：张三，电话１３８１２３４５６７８。'));
    expect(d).toMatchObject({ code: 'personal-mobile', severity: 'error', line: 9, column: 10 });
    expect(d!.message).toContain('138*****678');
  });
  it('finds one in the title, a table cell and image alt text', () => {
    const fm = GOOD_FM.replace('title: 甲村党支部2026年下半年党费收缴情况', 'title: 党费收缴情况（联系１３８ １２３４ ５６７８）');
    const body = [...TABLE, '| 2月 | 41 | 138-1234-5679 |', '', '![张三 110105\u200b19491231002X](road-site.jpg)'].join('\n');
    dir = copyMini();
    put(dir, ENTRY_PATH, ENTRY(fm, body));
    const found = load(dir)
      .diagnostics.filter((d) => d.file === ENTRY_PATH)
      .map((d) => `${d.line}:${d.code}`);
    expect(found).toEqual(['2:personal-mobile', '12:personal-mobile', '14:personal-id-number']);
  });
  it('finds a number in an entry file name and an image file name', () => {
    dir = copyMini();
    put(dir, 'entries/v-demo-a/2026/2026-11-20-张三13812345678.md', ENTRY(GOOD_FM));
    put(dir, 'entries/v-demo-a/2026/张三-138-1234-5678.jpg', Buffer.from([0xff, 0xd8, 0xff]));
    const d = load(dir).diagnostics.filter((x) => x.code === 'personal-mobile');
    expect(d.map((x) => x.file).sort()).toEqual(['entries/v-demo-a/2026/2026-11-20-张三13812345678.md', 'entries/v-demo-a/2026/张三-138-1234-5678.jpg']);
    expect(d[0]!.message).toContain('文件名');
    expect(d[0]!.hint).toContain('改名');
    // The unusable name's own message does not suggest keeping the number.
    const misplaced = load(dir).diagnostics.find((x) => x.code === 'misplaced-file');
    expect(misplaced!.hint).not.toMatch(/1381234/);
  });
});

describe('nothing accepted in silence', () => {
  it('refuses a table row with a missing or an extra cell, at the row', () => {
    const body = [...TABLE, '| 2月 | 1,890.00 |', '| 3月 | 42 | 1,890.00 | 多的 |'].join('\n');
    const d = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM, body));
    expect(d.map((x) => `${x.line}:${x.column}:${x.code}`)).toEqual(['12:1:table-cell-count', '13:1:table-cell-count']);
    expect(d[0]!.message).toContain('少了 1 格');
    expect(d[1]!.message).toContain('多了 1 格');
  });
  it('refuses a short row in an entry that has links too (the fully parsed path)', () => {
    const body = ['详见[县委组织部网站](https://example.cn/)。', '', ...TABLE, '| 2月 | 41 |'].join('\n');
    expect(diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM, body)).map((x) => `${x.line}:${x.code}`)).toEqual(['14:table-cell-count']);
  });
  it('warns about a title in Word’s smart quotes, with the fixed line', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('title: 甲村党支部2026年下半年党费收缴情况', 'title: “甲村党支部2026年下半年党费收缴情况”')));
    expect(d).toMatchObject({ code: 'smart-quotes', severity: 'warning', line: 2, column: 8 });
    expect(d!.hint).toContain('title: 甲村党支部2026年下半年党费收缴情况');
  });
  it('lets quotes inside a value pass', () => {
    expect(diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('title: 甲村党支部', 'title: 甲村“三会一课”')))).toEqual([]);
  });
  it('refuses a 公示 shorter than the county minimum (default 5 working days)', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\nnotice: { start: 2026-11-20, days: 3 }`));
    expect(d).toMatchObject({ code: 'notice-too-short', severity: 'error', line: 8 });
    expect(d!.message).toContain('至少 5 个工作日');
  });
  it('refuses a meeting block on a 党费 entry and a stage on an unstaged item', () => {
    const meeting = 'meeting: { name: 支委会, date: 2026-11-18, expected: 5, present: 5, vote: 5票同意 }';
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\n${meeting}`));
    expect(d).toMatchObject({ code: 'unexpected-meeting', severity: 'error', line: 8 });
    const [e] = diagnosticsFor(ENTRY_PATH, ENTRY(`${GOOD_FM}\nstage: decision`));
    expect(e).toMatchObject({ code: 'unexpected-stage', severity: 'error', line: 8 });
  });
});

describe('helpful hints', () => {
  const itemHint = (item: string) => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('item: dues-collection', `item: ${item}`)));
    expect(d).toMatchObject({ code: 'unknown-item', line: 3, column: 7 });
    return d!.hint!;
  };
  it('answers an item given as a Chinese name, part of one, or pinyin with the catalogue’s best matches', () => {
    expect(itemHint('三重一大')).toMatch(/^可能是：sanzhong-yida（“三重一大”事项集体决策情况）/);
    expect(itemHint('党费收缴')).toMatch(/^可能是：dues-collection（党费收缴情况）/);
    expect(itemHint('党费')).toMatch(/dues-collection（党费收缴情况）、dues-usage（党费使用和管理情况）/);
    expect(itemHint('dangfei')).toMatch(/^可能是：dues-/);
    expect(itemHint('sanzhongyida')).toMatch(/^可能是：sanzhong-yida/);
    expect(itemHint('dues-colection')).toMatch(/^可能是：dues-collection（党费收缴情况）/);
    expect(itemHint('三重一大')).toContain('item: sanzhong-yida');
  });
  it('says a date has full-width digits, and gives the fixed value', () => {
    const [d] = diagnosticsFor(ENTRY_PATH, ENTRY(GOOD_FM.replace('date: 2026-11-20', 'date: ２０２６-11-20')));
    expect(d).toMatchObject({ code: 'invalid-field', line: 4 });
    expect(d!.message).toContain('全角');
    expect(d!.message).toContain('请改成 2026-11-20');
  });
  it('puts duplicate-period on the newer file, not the published one', () => {
    dir = copyMini();
    // The new file sorts before the old one by name; the date says which is new.
    put(dir, 'entries/v-demo-a/2026/a-dues-again.md', ENTRY(GOOD_FM.replace('2026-H2', '2026-H1').replace('2026-11-20', '2026-11-25')));
    const d = load(dir).diagnostics.filter((x) => x.code === 'duplicate-period');
    expect(d.map((x) => x.file)).toEqual(['entries/v-demo-a/2026/a-dues-again.md']);
  });
});

describe('check FILE…', () => {
  it('checks only the named file, in its unit’s context', () => {
    dir = copyMini();
    put(dir, 'entries/v-demo-a/2026/bad-elsewhere.md', ENTRY(GOOD_FM.replace('2026-11-20', '2026-02-30')));
    const file = put(dir, ENTRY_PATH, ENTRY(GOOD_FM.replace('2026-H2', '2026-H1').replace('title: 甲村党支部2026年下半年党费收缴情况', 'title: “党费”')));
    const r = cli(['check', file, '--content', dir]);
    expect(r.code).toBe(0);
    // Its own problem and the duplicate period against its unit's published entry; not the other file's error.
    expect(r.stdout).toContain('smart-quotes');
    expect(r.stdout).toContain('duplicate-period');
    expect(r.stdout).not.toContain('bad-elsewhere');
    expect(r.stdout).toContain('检查了 1 个文件');
  });
  it('passes a good file and is a usage error for a path outside the content folder', () => {
    dir = copyMini();
    expect(cli(['check', join(dir, 'entries/v-demo-a/2026/dues-2026-h1.md'), '--content', dir]).stdout).toContain('没有发现问题');
    const outside = cli(['check', 'README.md', '--content', dir]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('不在内容文件夹');
    expect(cli(['check', join(dir, 'entries/v-demo-a/2026/nope.md'), '--content', dir]).stderr).toContain('找不到');
  });
});

describe('every problem of a file in one run', () => {
  it('reports the rules (a missing approver) alongside a mistyped date and a bad group field, each once', () => {
    const fm = GOOD_FM.replace('date: 2026-11-20', 'date: 2026年11月20日').replace('approved_by: 李某某', 'scope: 社会公开');
    const found = diagnosticsFor(ENTRY_PATH, ENTRY(fm)).map((d) => `${d.line}:${d.code}`);
    expect(found).toEqual(['2:missing-approval', '4:invalid-field', '7:invalid-field']);
  });
  it('names a field inside a group by its Chinese label, and does not repeat it as a missing group', () => {
    const fm = `title: 甲村党支部关于村道硬化的集体决策\nitem: sanzhong-yida\ndate: 2026-11-20\nreviewed_by: 王某某\napproved_by: 李某某\nmeeting:\n  name: 支委会\n  date: 2026-11-18\n  expected: 5\n  present: 6\n  vote: 5票同意`;
    const found = diagnosticsFor(ENTRY_PATH, ENTRY(fm));
    expect(found.map((d) => `${d.line}:${d.code}`)).toEqual(['11:invalid-field']);
    expect(found[0]!.message).toBe('“实到人数”（meeting.present）：实到人数不能多于应到人数');
  });
});
