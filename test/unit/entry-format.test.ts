/**
 * The file format the web editor reads and writes (src/site/client/entry-format.ts), against
 * the real check: what Sveltia's form hands over — empty strings and nulls for what the clerk
 * left empty, the rich-text editor's tables — is written as an entry check accepts, and a file
 * reads back as the form edits it. And what the editor used to write gets check's plain words.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEntryFile, withoutEmpty, writeEntryFile } from '../../src/site/client/entry-format.ts';
import { copyMini, ENTRY, load, MINI, put, tempDirs } from '../helpers.ts';

const temp = tempDirs('gongkai-entry-format-');

/** What Sveltia's form gives the format for a new dues entry: every field, the empty ones too. */
const FROM_FORM = {
  title: '甲村党支部2026年下半年党费收缴情况',
  item: 'dues-collection',
  date: '2026-11-20',
  scope: '',
  period: '2026-H2',
  expires: '',
  notice: { start: '', days: null },
  reviewed_by: '王某某（支部副书记）',
  approved_by: '李某某（支部书记）',
  summary: '',
  board: false,
  changes: [],
  body: '收缴情况如下。\n\n| 月份 | 金额 |\n| 7月\\n\\n（补交） | 1640.00 |\n\n以上。',
};

const diagnosticsOf = (dir: string) => load(dir).diagnostics.map((d) => `${d.code}: ${d.message}${d.hint ? ` | ${d.hint}` : ''}`);

describe('the web editor’s entry files', () => {
  it('leave out what the clerk left empty, keep false and zero, and make the table a table', () => {
    const text = writeEntryFile(FROM_FORM);
    expect(text).toBe(
      [
        '---',
        'title: 甲村党支部2026年下半年党费收缴情况',
        'item: dues-collection',
        'date: 2026-11-20',
        'period: 2026-H2',
        'reviewed_by: 王某某（支部副书记）',
        'approved_by: 李某某（支部书记）',
        'board: false',
        '---',
        '',
        '收缴情况如下。',
        '',
        '| 月份 | 金额 |',
        '| --- | --- |',
        '| 7月 （补交） | 1640.00 |',
        '',
        '以上。',
        '',
      ].join('\n'),
    );
    expect(withoutEmpty({ a: 0, b: false, c: ' ', d: [{ e: '' }], f: { g: null } })).toEqual({ a: 0, b: false });
  });

  it('pass the real check in a unit’s folder', () => {
    const dir = copyMini(temp());
    put(dir, 'entries/v-demo-a/2026/2026-11-20-dues-collection.md', writeEntryFile(FROM_FORM));
    expect(diagnosticsOf(dir)).toEqual([]);
  });

  it('read back as the form edits them: dates and periods as text, the body apart', () => {
    const text = writeEntryFile(FROM_FORM);
    const { body, ...fields } = readEntryFile(text);
    expect(fields).toEqual(withoutEmpty({ ...FROM_FORM, body: undefined }));
    expect(body).toBe(text.split('\n---\n')[1]!.trim());
    // A file written by hand or by `new`: comments, `period: 2026` as a number, CRLF line ends.
    const byHand = readEntryFile(
      '---\r\n# 公开事项：党费使用和管理情况\r\ntitle: 年度党费使用情况\r\nitem: dues-usage\r\ndate: 2026-01-05\r\nperiod: 2026\r\n---\r\n正文。\r\n',
    );
    expect(byHand).toEqual({ title: '年度党费使用情况', item: 'dues-usage', date: '2026-01-05', period: '2026', body: '正文。' });
    const fixture = readEntryFile(readFileSync(join(MINI, 'entries/v-demo-a/2026/road-deliberation.md'), 'utf8'));
    expect(fixture).toMatchObject({ date: '2026-03-02', stage: 'deliberation', body: expect.stringContaining('![村道现状照片](road-site.jpg)') });
  });
});

describe('a picture picked from elsewhere in the unit’s folder', () => {
  const UNIT = '/content/entries/v-demo-a';
  it('is linked from the entry’s folder, which check resolves, and read back as the media library names it', () => {
    const text = writeEntryFile({ ...FROM_FORM, body: `现场照片：\n\n![村道](${UNIT}/2026/road-site.jpg)\n\n![旧照](https://example.cn/${UNIT}/x.jpg)` }, UNIT);
    expect(text).toContain('![村道](../2026/road-site.jpg)');
    expect(text).toContain(`![旧照](https://example.cn/${UNIT}/x.jpg)`);
    expect(readEntryFile(text, UNIT).body).toContain(`![村道](${UNIT}/2026/road-site.jpg)`);
    const dir = copyMini(temp());
    put(dir, 'entries/v-demo-a/2026/2026-11-20-dues-collection.md', text.replace(/\n!\[旧照\].*\n/, '\n'));
    expect(diagnosticsOf(dir)).toEqual([]);
  });
});

describe('what the editor used to write', () => {
  it('gets a plain Chinese message and a fix for each empty field, never the schema’s raw text', () => {
    const dir = copyMini(temp());
    const old = `title: 甲村党支部2026年下半年党费收缴情况
item: dues-collection
date: 2026-11-20
scope: ''
period: 2026-H2
stage: ''
matter: ''
expires: ''
notice: null
reviewed_by: 王某某
approved_by: 李某某
summary: ''
board: true
meeting: null
changes: []`;
    put(dir, 'entries/v-demo-a/2026/2026-11-20-dues-collection.md', ENTRY(old));
    const found = diagnosticsOf(dir);
    // scope, stage, matter, expires, notice, summary, meeting; an empty list of changes is no mistake.
    expect(found.map((d) => d.split(':')[0])).toEqual(Array(7).fill('empty-field'));
    expect(found.join('\n')).not.toMatch(/期望|实际接收|null/);
    expect(found).toContain(
      'empty-field: “公示”（notice）是空的 | 不需要这一组内容时，请删除“notice:”这一行；需要时请填写内容，例如：notice: { start: 2026-12-01, days: 5 }。',
    );
    expect(found).toContain(
      'empty-field: “摘要”（summary）是空的 | 不需要这一项时，请删除“summary:”这一行；需要时请填写内容，例如：summary: 上半年收缴党费11380元。',
    );
  });

  it('says a required field left empty must be filled, not deleted', () => {
    const dir = copyMini(temp());
    put(
      dir,
      'entries/v-demo-a/2026/2026-11-20-dues-collection.md',
      ENTRY("title: ''\nitem: dues-collection\ndate: 2026-11-20\nperiod: 2026-H2\nreviewed_by: 王某某\napproved_by: 李某某"),
    );
    expect(diagnosticsOf(dir)).toEqual(['empty-field: “标题”（title）是空的 | 这一项必须填写：请填写内容，例如：title: 2026年上半年党费收缴情况。']);
  });
});
