/**
 * The web editor refuses what check refuses. In real Chromium a clerk makes the mistakes check
 * refuses: the form refuses those it can express (required fields, lengths, patterns), in the
 * words check uses for the same mistake in a file written by hand; the rest — rules that
 * compare fields, or need check's normalising scan — it saves, and the real `check` reports
 * each of them in the files the editor wrote.
 */
import { describe, expect, it } from 'vitest';
import { periodHint } from '../../src/domain/period.ts';
import { APPROVAL_RULE, MEETING_RULE, noticeMinimum } from '../../src/domain/rules/entry-rules.ts';
import { MOBILE_HINT, MOBILE_RULE } from '../../src/domain/safety/personal-data.ts';
import { ENTRY } from '../helpers.ts';
import { servedMini } from './browser.ts';
import { checkWith, discardEntry, editorFiles, field, fillEntry, offlinePage, openPractice, printTable, saveEntry, type FormEntry } from './editor-form.ts';

const served = servedMini();

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

describe('mistakes made in the web editor', { timeout: 180_000 }, () => {
  it('are refused by the form where it can express the rule, in the words check uses for the same mistake', async () => {
    const { page, outside } = await offlinePage(served().browser, served().server.url);
    await openPractice(page, served().server.url, 'v-demo-a');
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
    printTable(['错误', '表单', 'check（手写的同样错误）'], rows);
  });

  it('that the form cannot express are saved, and check reports each of them', async () => {
    const { page } = await offlinePage(served().browser, served().server.url);
    await openPractice(page, served().server.url, 'v-demo-a');
    for (const { entry } of SAVED) {
      await fillEntry(page, entry);
      expect(await saveEntry(page), entry.item).toEqual({ saved: true, errors: {} });
    }
    const files = await editorFiles(page);
    await page.context().close();
    const report = checkWith(files);
    const rows: string[][] = [];
    for (const { mistakes, entry, codes } of SAVED) {
      const [file, bytes] = [...files].find(([path]) => path.includes(`2026-11-20-${entry.item}`))!;
      const found = report.diagnostics.filter((d) => d.file.endsWith(file));
      expect(found.map((d) => d.code).sort(), `${mistakes.join('，')}\n${bytes.toString()}`).toEqual([...codes].sort());
      rows.push([mistakes.join('，'), '保存', found.map((d) => `${d.code}：${d.message}`).join('；')]);
    }
    printTable(['错误', '表单', 'check（网页编辑器写的文件）'], rows);
  });
});
