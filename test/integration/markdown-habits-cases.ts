/**
 * Entries as Word, WPS, Notepad and typing habits leave them (issue 33): each case is a file (or
 * a few) put into a copy of the mini fixture. Shared by the test that renders what is published
 * and the test that applies every suggested fix.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTRY, GOOD_FM, MINI } from '../helpers.ts';

export interface HabitCase {
  name: string;
  /** Files relative to the content folder. */
  files: Record<string, string | Uint8Array>;
  /** The code check must report (at least once). */
  code: string;
}

export const CASE_PATH = 'entries/v-demo-a/2026/case.md';
const JPEG = readFileSync(join(MINI, 'entries/v-demo-a/2026/road-site.jpg'));
const entry = (body: string, fm = GOOD_FM) => ({ [CASE_PATH]: ENTRY(fm, body) });
const withField = (line: string) => ENTRY(`${GOOD_FM}\n${line}`);

const ODD_SPACES: [string, string][] = [
  ['不间断空格', '\u00a0'],
  ['全角空格', '\u3000'],
];

export const HABIT_CASES: HabitCase[] = [
  // Markdown in the body that would be published as typed.
  ...['#', '##', '###'].flatMap((h) => [
    { name: `${h}收缴情况 (no space)`, files: entry(`${h}收缴情况\n\n正文。`), code: 'heading-no-space' },
    { name: `${h} + full-width space`, files: entry(`${h}\u3000收缴情况\n\n正文。`), code: 'heading-no-space' },
  ]),
  ...['1.', '2)', '-', '*'].flatMap((m) =>
    ODD_SPACES.map(([what, sp]) => ({ name: `list "${m}" + ${what}`, files: entry(`工作安排：\n\n${m}${sp}第一项\n${m}${sp}第二项`), code: 'list-odd-space' })),
  ),
  { name: 'tab-indented list (Word)', files: entry('工作安排：\n\n\t- 第一项\n\t- 第二项'), code: 'indented-code' },
  { name: 'four-space indented paragraph', files: entry('情况说明：\n\n    全年收缴党费1,860.00元。'), code: 'indented-code' },
  { name: 'fenced code', files: entry('```\n1月 31人\n```'), code: 'code-block' },
  {
    name: 'image name with a space',
    files: { ...entry('![现场2](照片 1.jpg)'), 'entries/v-demo-a/2026/照片 1.jpg': JPEG },
    code: 'link-name-space',
  },
  {
    name: 'image name with two spaces, in a sentence',
    files: { ...entry('现场照片：![村道 现状](村道 现状 2.jpg)'), 'entries/v-demo-a/2026/村道 现状 2.jpg': JPEG },
    code: 'link-name-space',
  },
  {
    name: 'image linked with a full-width digit, file named with an ASCII one',
    files: { ...entry('![现场](现场照片１.jpg)'), 'entries/v-demo-a/2026/现场照片1.jpg': JPEG },
    code: 'image-missing',
  },
  ...[2, 3, 4].map((cols) => {
    const row = (label: string) => `| ${Array.from({ length: cols }, (_, i) => `${label}${i}`).join(' | ')} |`;
    return {
      name: `table of ${cols} columns without its delimiter row`,
      files: entry([row('列'), row('甲'), row('乙')].join('\n')),
      code: 'table-no-delimiter',
    };
  }),
  // Front matter as office software types it.
  ...ODD_SPACES.map(([what, sp]) => ({ name: `summary: + ${what}`, files: { [CASE_PATH]: withField(`summary:${sp}上半年收缴党费`) }, code: 'odd-space' })),
  ...['title', 'reviewed_by', 'approved_by'].flatMap((key) =>
    ODD_SPACES.map(([what, sp]) => ({
      name: `${key}: + ${what}`,
      files: { [CASE_PATH]: ENTRY(GOOD_FM.replace(new RegExp(`^${key}: `, 'm'), `${key}:${sp}`)) },
      code: 'odd-space',
    })),
  ),
  { name: 'non-breaking space in the indent of notice', files: { [CASE_PATH]: withField('notice:\n\u00a0 start: 2026-11-20') }, code: 'odd-space' },
  ...['"', "'"].flatMap((q) => [
    { name: `title opened with ${q} and not closed`, files: { [CASE_PATH]: ENTRY(GOOD_FM.replace('title: 甲村', `title: ${q}甲村`)) }, code: 'unclosed-quote' },
    { name: `summary opened with ${q} and not closed`, files: { [CASE_PATH]: withField(`summary: ${q}上半年收缴党费`) }, code: 'unclosed-quote' },
  ]),
  { name: 'unit: typed', files: { [CASE_PATH]: withField('unit: v-demo-a') }, code: 'unknown-field' },
  { name: '单位: typed', files: { [CASE_PATH]: withField('单位: 甲村党支部') }, code: 'unknown-field' },
  ...['党内', '党内公开'].map((v) => ({ name: `scope: ${v}`, files: { [CASE_PATH]: withField(`scope: ${v}`) }, code: 'invalid-field' })),
  { name: 'scope: 社会公开', files: { [CASE_PATH]: withField('scope: 社会公开') }, code: 'invalid-field' },
  {
    name: 'stage: 决策',
    files: {
      [CASE_PATH]: ENTRY(
        'title: 村道硬化工程（决策阶段）\nitem: major-decisions\ndate: 2026-11-20\nstage: 决策\nmatter: demo-road-2026\nreviewed_by: 王某某\napproved_by: 李某某',
      ),
    },
    code: 'invalid-field',
  },
  { name: '财务公开.MD', files: { 'entries/v-demo-a/2026/财务公开.MD': ENTRY(GOOD_FM) }, code: 'misplaced-file' },
  { name: 'Dues-Report.MD', files: { 'entries/v-demo-a/2026/Dues Report.MD': ENTRY(GOOD_FM) }, code: 'misplaced-file' },
  // A notice whose text says another period than its data.
  ...[
    ['9月29日至10月8日（5个工作日）', 'dates'],
    ['2026年9月29日至2026年10月8日（5个工作日）', 'dates with years'],
    ['9月29日至10月10日（7个工作日）', 'day count'],
    ['9月30日至10月9日（3个工作日）', 'both'],
  ].map(([text, what]) => ({
    name: `notice text: wrong ${what}`,
    files: entry(
      `公示时间：${text}。公示期间如有意见，请向村党支部反映。`,
      `${GOOD_FM.replace('date: 2026-11-20', 'date: 2026-09-29')}\nnotice: { start: 2026-09-29, days: 5 }`,
    ),
    code: 'notice-text-mismatch',
  })),
  // A person named with a 党纪处分 in a public entry, whatever the item.
  ...[
    ['dues-collection', '党员张某某因长期不交党费，受到党内警告处分。'],
    ['work-plan-completion', '给予刘某某严重警告处分，已在支部党员大会上宣布。'],
    ['work-plan-completion', '对王建国同志给予留党察看一年处分。'],
  ].map(([item, text]) => ({
    name: `discipline named in a public ${item} entry`,
    files: entry(text!, GOOD_FM.replace('item: dues-collection', `item: ${item}`)),
    code: 'discipline-named',
  })),
];
