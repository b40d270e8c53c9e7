/**
 * The web editor writes entries that pass check, and refuses what check refuses. In real
 * Chromium, a clerk fills the form of each kind of catalogue item (regular with a period,
 * staged, 三重一大, a notice, a party item, one with a photo whose name has a space and tables
 * typed and pasted from Word), saves in practice mode, and the files the editor wrote — read
 * from the browser's own storage — go into a copy of the mini fixture, where the real `check`
 * finds nothing to report. Then the clerk makes the mistakes check refuses: the form refuses
 * those it can express, in check's words; the rest it saves, and check reports them.
 */
import { readFileSync, rmSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/domain/markdown.ts';
import { periodHint } from '../../src/domain/period.ts';
import { APPROVAL_RULE, MEETING_RULE, noticeMinimum } from '../../src/domain/rules/entry-rules.ts';
import { MOBILE_HINT, MOBILE_RULE } from '../../src/domain/safety/personal-data.ts';
import { cli, copyMini, ENTRY, put } from '../helpers.ts';
import { buildAndServe, type BuiltSite } from './browser.ts';
import { discardEntry, editorFiles, field, fillEntry, offlinePage, openPractice, saveEntry, writeFiles, type FormEntry } from './editor-form.ts';

let site: BuiltSite;
let dir: string;
let browser: Browser;
const photo = readFileSync(join(import.meta.dirname, '../fixtures/mini/entries/v-demo-a/2026/road-site.jpg'));

beforeAll(async () => {
  dir = copyMini();
  site = await buildAndServe(dir, ['--today', '2026-11-28']);
  ({ browser } = site);
}, 180_000);

afterAll(async () => {
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const APPROVED = { reviewed_by: '王某某（支部副书记）', approved_by: '李某某（支部书记）' };

/** A table as Word puts it on the clipboard: cells of paragraphs, no header row, a cell of two paragraphs. */
const WORD_TABLE = {
  html: '<html><body><table class=MsoTableGrid border=1><tr><td><p class=MsoNormal>走访对象</p></td><td><p class=MsoNormal>事项</p></td></tr><tr><td><p class=MsoNormal>困难党员</p><p class=MsoNormal>（3户）</p></td><td><p class=MsoNormal>送去慰问品</p></td></tr></table></body></html>',
  text: '走访对象\t事项\n困难党员（3户）\t送去慰问品\n',
};

/** One entry of each kind, and the fields its form must show and must not. */
const KINDS: { kind: string; entry: FormEntry; shows: string[]; hides: string[] }[] = [
  {
    kind: '定期（半年，期间）',
    entry: {
      item: 'dues-collection',
      title: '甲村党支部2026年下半年党费收缴情况',
      date: '2026-11-20',
      period: '2026-H2',
      ...APPROVED,
      summary: '下半年收缴党费3280元',
      body: '本期党费收缴情况如下。\n| 月份 | 金额（元） |\n| 7月 | 1640.00 |\n| 8月 | 1640.00 |\n以上情况接受党员监督。',
    },
    shows: ['期间', '审核人', '审批人', '公示'],
    hides: ['阶段', '事项编号', '会议记录'],
  },
  {
    kind: '逐段（阶段、事项编号）',
    entry: {
      item: 'major-decisions',
      title: '甲村村道硬化工程（决策阶段）',
      date: '2026-11-20',
      stage: 'decision',
      matter: 'demo-road-2026',
      ...APPROVED,
      body: '经村党支部委员会研究，决定实施村道硬化工程。',
    },
    shows: ['阶段', '事项编号'],
    hides: ['期间', '会议记录'],
  },
  {
    kind: '三重一大（会议记录）',
    entry: {
      item: 'sanzhong-yida',
      title: '关于村集体厂房出租的决定',
      date: '2026-11-20',
      meeting: { name: '村党支部委员会会议', date: '2026-11-18', expected: 5, present: 5, vote: '5票同意' },
      ...APPROVED,
      body: '村党支部委员会集体研究，同意将村集体厂房出租。',
    },
    shows: ['会议记录'],
    hides: ['期间', '阶段', '事项编号'],
  },
  {
    kind: '公示（公示天数）',
    entry: {
      item: 'recruitment-publicity',
      title: '甲村党支部发展对象公示',
      date: '2026-11-20',
      notice: { start: '2026-11-20', days: 5 },
      ...APPROVED,
      body: '经支部委员会研究，拟将以下同志列为发展对象，现予公示。\n| 姓名 | 性别 | 出生年月 | 学历 |\n| 赵某某 | 男 | 1990年3月 | 大专 |',
    },
    shows: ['公示'],
    hides: ['期间', '阶段', '会议记录'],
  },
  {
    kind: '党内（每月，不需审批）',
    entry: { item: 'sanhui-yike', title: '甲村党支部11月主题党日', date: '2026-11-20', period: '2026-11', body: '11月主题党日学习了有关文件。' },
    shows: ['期间'],
    hides: ['阶段', '会议记录'],
  },
  {
    kind: '照片和表格（文件名有空格，Word 表格）',
    entry: {
      item: 'contact-service',
      title: '甲村党支部第四季度联系服务群众情况',
      date: '2026-11-20',
      period: '2026-Q4',
      ...APPROVED,
      body: '本季度走访情况如下。',
      images: [{ name: 'IMG 2031.jpg', bytes: photo, alt: '走访现场' }],
      paste: [WORD_TABLE],
    },
    shows: ['期间'],
    hides: ['阶段', '会议记录'],
  },
];

/** The paths of empty values ('' , null, [], {}) in parsed front matter. */
function empties(v: unknown, path = ''): string[] {
  if (v === null || v === '' || (Array.isArray(v) && !v.length)) return [path];
  if (Array.isArray(v)) return v.flatMap((x, i) => empties(x, `${path}[${i}]`));
  if (typeof v === 'object') return Object.keys(v).length ? Object.entries(v).flatMap(([k, x]) => empties(x, path ? `${path}.${k}` : k)) : [path];
  return [];
}

/** The labels of the form's top-level fields, once all are shown. */
async function formLabels(page: Page): Promise<string[]> {
  await field(page, '正文');
  return page.evaluate(() =>
    [...document.querySelectorAll('[role="group"][aria-label$="」字段"]')]
      .filter((g) => !g.parentElement?.closest('[role="group"][aria-label$="」字段"]'))
      .map((g) => g.getAttribute('aria-label')!.replace(/^「\u2068?|\u2069?」字段$/g, '')),
  );
}

interface Diagnostic {
  file: string;
  code: string;
  message: string;
  hint?: string;
}

/** The real check over a copy of the mini fixture with `files` added: its JSON report. */
function checkWith(files: Map<string, Buffer> | Record<string, string>): { code: number | null; errors: number; warnings: number; diagnostics: Diagnostic[] } {
  const content = copyMini();
  try {
    if (files instanceof Map) writeFiles(files, content);
    else for (const [rel, text] of Object.entries(files)) put(content, rel, text);
    const r = cli(['check', '--content', content, '--json']);
    return { code: r.code, ...(JSON.parse(r.stdout) as { errors: number; warnings: number; diagnostics: Diagnostic[] }) };
  } finally {
    rmSync(content, { recursive: true, force: true });
  }
}

/** Prints a matrix for the closing note: one row per case. */
const table = (head: string[], rows: string[][]) => console.log([head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n'));

describe('entries made in the web editor', { timeout: 240_000 }, () => {
  it('pass check for every kind of item, with the fields each item takes, nothing fetched from elsewhere', async () => {
    const { page, outside } = await offlinePage(browser, site.server.url);
    await openPractice(page, site.server.url, 'v-demo-a');
    for (const { kind, entry, shows, hides } of KINDS) {
      await fillEntry(page, entry);
      const labels = await formLabels(page);
      for (const l of shows) expect(labels, `${kind}: ${l}`).toContain(l);
      for (const l of hides) expect(labels, `${kind}: ${l}`).not.toContain(l);
      const saved = await saveEntry(page);
      expect(saved, kind).toEqual({ saved: true, errors: {} });
    }
    const files = await editorFiles(page);
    await page.context().close();
    expect(outside).toEqual([]);

    const entries = [...files.keys()].filter((p) => p.endsWith('.md'));
    expect(entries).toHaveLength(KINDS.length);
    for (const rel of entries) {
      const text = files.get(rel)!.toString('utf8');
      // Nothing written for what the clerk left empty: no '', null or [] anywhere in the front matter.
      const fm = jsYaml.load(text.split('\n---\n')[0]!.replace(/^---\n/, ''), { schema: jsYaml.CORE_SCHEMA });
      expect(empties(fm), rel).toEqual([]);
    }
    // The photo sits where its link points; the tables are GFM tables.
    const withPhoto = files.get('entries/v-demo-a/2026/2026-11-20-contact-service.md')!.toString('utf8');
    expect(withPhoto).toContain('![走访现场](2026-11-20-contact-service/img-2031.jpg)');
    expect(files.get('entries/v-demo-a/2026/2026-11-20-contact-service/img-2031.jpg')).toEqual(photo);
    const tables = (rel: string) => parseMarkdown(files.get(rel)!.toString('utf8').split('\n---\n')[1]!).children.filter((n) => n.type === 'table').length;
    expect(tables('entries/v-demo-a/2026/2026-11-20-contact-service.md')).toBe(1);
    expect(tables('entries/v-demo-a/2026/2026-11-20-dues-collection.md')).toBe(1);
    expect(tables('entries/v-demo-a/2026/2026-11-20-recruitment-publicity.md')).toBe(1);

    const report = checkWith(files);
    table(
      ['事项种类', '表单', 'check 结果'],
      KINDS.map(({ kind, entry }) => {
        const mine = report.diagnostics.filter((d) => d.file.includes(`2026-11-20-${entry.item}`));
        return [kind, '保存', mine.length ? mine.map((d) => `${d.code}: ${d.message}`).join('；') : '0 个错误，0 个警告'];
      }),
    );
    expect(report.diagnostics).toEqual([]);
    expect(report.code).toBe(0);
  });
});

const REQUIRED = '此字段为必填项。';
const PERSON = { reviewed_by: '王某某', approved_by: '李某某' };
const DUES = { item: 'dues-collection', title: '甲村党支部2026年下半年党费收缴情况', date: '2026-11-20', period: '2026-H2', ...PERSON, body: '正文。' };
const DUES_FM = 'title: 甲村党支部2026年下半年党费收缴情况\nitem: dues-collection\ndate: 2026-11-20\nperiod: 2026-H2\nreviewed_by: 王某某\napproved_by: 李某某';

/**
 * Mistakes the form refuses: what the clerk does, what the form says under the field, and the
 * same mistake in a file written by hand, with the words check says about it — the form's
 * message, or the hint under the field, shares them.
 */
const REFUSED: { mistake: string; entry: FormEntry; errors: Record<string, string>; byHand: string; code: string; words: string }[] = [
  {
    mistake: '缺少标题',
    entry: { ...DUES, title: undefined },
    errors: { 标题: REQUIRED },
    byHand: ENTRY(DUES_FM.replace(/^title: .*\n/, '')),
    code: 'missing-field',
    words: '“标题”（title）',
  },
  {
    mistake: '期间写成“2026年下半年”',
    entry: { ...DUES, period: '2026年下半年' },
    errors: { 期间: `期间的格式不对：${periodHint('semiannual')}` },
    byHand: ENTRY(DUES_FM.replace('period: 2026-H2', 'period: 2026年下半年')),
    code: 'invalid-period',
    words: periodHint('semiannual'),
  },
  {
    mistake: '社会公开的条目缺审批人',
    entry: { ...DUES, approved_by: undefined },
    errors: { 审批人: REQUIRED },
    byHand: ENTRY(DUES_FM.replace(/\napproved_by: .*/, '')),
    code: 'missing-approval',
    words: APPROVAL_RULE,
  },
  {
    mistake: '摘要54个字',
    entry: { ...DUES, summary: '本支部下半年按时足额收缴党费'.repeat(4).slice(0, 54) },
    errors: { 摘要: '输入不能超过 30 个字符。' },
    byHand: ENTRY(`${DUES_FM}\nsummary: ${'本支部下半年按时足额收缴党费'.repeat(4).slice(0, 54)}`),
    code: 'long-summary',
    words: '明白卡上一行最多约30个字',
  },
  {
    mistake: '正文写了个人手机号',
    entry: { ...DUES, body: '如有疑问请联系张三，电话13812345678。' },
    errors: { 正文: `${MOBILE_RULE}。${MOBILE_HINT}` },
    byHand: ENTRY(DUES_FM, '如有疑问请联系张三，电话13812345678。'),
    code: 'personal-mobile',
    words: MOBILE_RULE,
  },
  {
    mistake: '公示3个工作日（本县规定至少5个）',
    entry: {
      item: 'recruitment-publicity',
      title: '发展对象公示',
      date: '2026-11-20',
      notice: { start: '2026-11-20', days: 3 },
      ...PERSON,
      body: '现予公示。',
    },
    errors: { '公示天数（工作日）': `${noticeMinimum(5)}。` },
    byHand: ENTRY(
      'title: 发展对象公示\nitem: recruitment-publicity\ndate: 2026-11-20\nnotice: { start: 2026-11-20, days: 3 }\nreviewed_by: 王某某\napproved_by: 李某某',
      '现予公示。',
    ),
    code: 'notice-too-short',
    words: noticeMinimum(5),
  },
  {
    mistake: '事项编号写成中文，阶段没选',
    entry: { item: 'major-decisions', title: '村道硬化工程（决策阶段）', date: '2026-11-20', matter: '桃花路', ...PERSON, body: '正文。' },
    errors: { 阶段: REQUIRED, 事项编号: '标识只能由小写英文字母、数字和连字符“-”组成，例如 dues-collection' },
    byHand: ENTRY(
      'title: 村道硬化工程（决策阶段）\nitem: major-decisions\ndate: 2026-11-20\nstage: decision\nmatter: 桃花路\nreviewed_by: 王某某\napproved_by: 李某某',
    ),
    code: 'invalid-field',
    words: '标识只能由小写英文字母、数字和连字符“-”组成',
  },
  {
    mistake: '“三重一大”没写会议记录，正文空着',
    entry: { item: 'sanzhong-yida', title: '关于厂房出租的决定', date: '2026-11-20', ...PERSON, body: '' },
    errors: { 会议名称: REQUIRED, 会议日期: REQUIRED, 应到人数: REQUIRED, 实到人数: REQUIRED, 表决结果: REQUIRED, 正文: REQUIRED },
    byHand: ENTRY('title: 关于厂房出租的决定\nitem: sanzhong-yida\ndate: 2026-11-20\nreviewed_by: 王某某\napproved_by: 李某某'),
    code: 'missing-meeting',
    words: MEETING_RULE,
  },
];

/** Mistakes the form cannot express (they compare fields, or need check's normalising scan): it saves, check reports them. */
const SAVED: { mistakes: string[]; entry: FormEntry; codes: string[] }[] = [
  {
    mistakes: ['实到人数多于应到人数'],
    entry: {
      item: 'sanzhong-yida',
      title: '关于厂房出租的决定',
      date: '2026-11-20',
      meeting: { name: '村党支部委员会会议', date: '2026-11-18', expected: 5, present: 6, vote: '6票同意' },
      ...PERSON,
      body: '同意出租。',
    },
    codes: ['invalid-field'],
  },
  {
    mistakes: ['到期日期早于发布日期', '修改记录早于发布日期', '公示列了“家庭住址”', '正文有身份证号', '全角数字写的手机号'],
    entry: {
      item: 'recruitment-publicity',
      title: '发展对象公示',
      date: '2026-11-20',
      expires: '2026-11-01',
      ...PERSON,
      changes: [{ date: '2026-11-01', note: '更正了出生年月' }],
      body: '现予公示。身份证号11010519491231002X，电话１３９１２３４５６７８。\n| 姓名 | 家庭住址 |\n| 赵某某 | 甲村3组 |',
    },
    codes: ['expires-before-date', 'change-before-date', 'personal-id-number', 'personal-mobile', 'recruitment-field'],
  },
];

describe('mistakes made in the web editor', { timeout: 240_000 }, () => {
  it('are refused by the form where it can express the rule, in the words check uses for the same mistake', async () => {
    const { page, outside } = await offlinePage(browser, site.server.url);
    await openPractice(page, site.server.url, 'v-demo-a');
    const shown: Record<string, Record<string, string>> = {};
    for (const { mistake, entry, errors } of REFUSED) {
      await fillEntry(page, entry);
      const result = await saveEntry(page);
      shown[mistake] = result.errors;
      expect(result, mistake).toEqual({ saved: false, errors });
      await discardEntry(page);
    }
    // Hints under the fields carry check's words where the form's own message is Sveltia's.
    await fillEntry(page, { item: 'dues-collection' });
    for (const [label, words] of [
      ['审批人', APPROVAL_RULE],
      ['摘要', '明白卡上一行最多约30个字'],
    ]) {
      await expect.poll(async () => (await field(page, label!)).textContent(), { message: label }).toContain(words);
    }
    await discardEntry(page);
    expect([...(await editorFiles(page)).keys()]).toEqual([]);
    await page.context().close();
    expect(outside).toEqual([]);

    const report = checkWith(Object.fromEntries(REFUSED.map((r, i) => [`entries/v-demo-a/2026/mistake-${i}.md`, r.byHand])));
    const rows = REFUSED.map(({ mistake, code, words }, i) => {
      const found = report.diagnostics.filter((d) => d.file.endsWith(`mistake-${i}.md`));
      expect(
        found.map((d) => d.code),
        mistake,
      ).toEqual([code]);
      expect(`${found[0]!.message} ${found[0]!.hint ?? ''}`, mistake).toContain(words);
      return [
        mistake,
        `拒绝：${Object.entries(shown[mistake]!)
          .map(([f, m]) => `${f}“${m}”`)
          .join('，')}`,
        `${code}：${found[0]!.message}`,
      ];
    });
    table(['错误', '表单', 'check（手写的同样错误）'], rows);
  });

  it('that the form cannot express are saved, and check reports each of them', async () => {
    const { page } = await offlinePage(browser, site.server.url);
    await openPractice(page, site.server.url, 'v-demo-a');
    for (const { entry } of SAVED) {
      await fillEntry(page, entry);
      expect(await saveEntry(page), entry.item).toEqual({ saved: true, errors: {} });
    }
    const files = await editorFiles(page);
    await page.context().close();
    const report = checkWith(files);
    const rows: string[][] = [];
    for (const { mistakes, entry, codes } of SAVED) {
      const found = report.diagnostics.filter((d) => d.file.includes(`2026-11-20-${entry.item}`));
      expect(found.map((d) => d.code).sort(), mistakes.join('，')).toEqual([...codes].sort());
      rows.push([mistakes.join('，'), '保存', found.map((d) => `${d.code}：${d.message}`).join('；')]);
    }
    table(['错误', '表单', 'check（网页编辑器写的文件）'], rows);
  });
});
