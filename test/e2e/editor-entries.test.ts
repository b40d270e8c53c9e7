/**
 * The web editor writes entries that pass check. In real Chromium, a clerk fills the form of
 * each kind of catalogue item (regular with a period, staged, 三重一大, a notice, a party item,
 * one with a photo whose name has a space and tables typed and pasted from Word), saves in
 * practice mode, and the files the editor wrote — read from the browser's own storage — go
 * into a copy of the mini fixture, where the real `check` finds nothing to report. The
 * mistakes check refuses are in editor-mistakes.test.ts.
 */
import { readFileSync } from 'node:fs';
import jsYaml from 'js-yaml';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/domain/markdown.ts';
import { servedMini } from './browser.ts';
import { checkWith, editorFiles, field, fillEntry, offlinePage, openPractice, printTable, saveEntry, type FormEntry } from './editor-form.ts';

const served = servedMini();
const photo = readFileSync(join(import.meta.dirname, '../fixtures/mini/entries/v-demo-a/2026/road-site.jpg'));

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

describe('entries made in the web editor', { timeout: 180_000 }, () => {
  it('pass check for every kind of item, with the fields each item takes, nothing fetched from elsewhere', async () => {
    const { page, outside } = await offlinePage(served().browser, served().server.url);
    await openPractice(page, served().server.url, 'v-demo-a');
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
    printTable(
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
