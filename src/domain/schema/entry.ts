/**
 * A disclosure entry: the front matter of content/entries/<unit>/<yyyy>/<slug>.md.
 *
 * This is the structural schema, checked per file. Rules that need other files
 * (the catalog, the unit, the site defaults) live in ../rules/entry-rules.ts.
 * The unit is the folder, so there is deliberately no `unit` field.
 */
import { z } from 'zod';
import { SCOPES } from './catalog.ts';
import { idSchema, isoDateSchema, nonEmptyText, personSchema, positiveInt } from './common.ts';

export const STAGES = ['deliberation', 'decision', 'implementation', 'result'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = {
  deliberation: '酝酿',
  decision: '决策',
  implementation: '实施',
  result: '结果',
};

/** `period: 2026` arrives from YAML as a number; it is the same period as "2026". */
const periodField = z.union([z.string(), z.number().int()], { error: '期间应当写成 2026、2026-H1、2026-Q3 或 2026-07' }).transform((v) => String(v).trim());

export const noticeSchema = z
  .object({
    start: isoDateSchema,
    days: z
      .number({ error: '公示天数应当是工作日数，例如 5' })
      .int({ error: '公示天数应当是整数' })
      .min(1, { error: '公示至少1个工作日' })
      .max(60, { error: '公示天数不能超过60个工作日' })
      .optional(),
  })
  .strict();

/** 三重一大 records: the meeting, attendance and vote the collective decision rule requires. */
export const meetingSchema = z
  .object({
    name: nonEmptyText('会议名称', 60),
    date: isoDateSchema,
    expected: positiveInt('应到人数', 1000),
    present: positiveInt('实到人数', 1000),
    vote: nonEmptyText('表决结果', 60),
  })
  .strict()
  .refine((m) => m.present <= m.expected, { error: '实到人数不能多于应到人数', path: ['present'] });

/**
 * A public change note, written by the clerk when an entry is corrected or updated: the date
 * and one sentence saying what changed. The site shows these, never the repository's commit
 * messages (internal notes, often in English, with developers' names).
 */
export const changeSchema = z
  .object({
    date: isoDateSchema,
    note: nonEmptyText('修改说明', 100),
  })
  .strict();

export const entryFrontMatterSchema = z
  .object({
    title: nonEmptyText('标题', 80),
    // Any text here: a Chinese name or pinyin is answered by the unknown-item rule with the
    // catalogue's best matches, which a format error could not do.
    item: nonEmptyText('公开事项', 64),
    date: isoDateSchema,
    scope: z.enum(SCOPES, { error: '公开范围只能是 public（社会公开）或 party（党内公开）' }).optional(),
    period: periodField.optional(),
    stage: z.enum(STAGES, { error: `阶段只能是：${STAGES.map((s) => `${s}（${STAGE_LABELS[s]}）`).join('、')}` }).optional(),
    matter: idSchema.optional(),
    expires: isoDateSchema.optional(),
    notice: noticeSchema.optional(),
    reviewed_by: personSchema('审核人').optional(),
    approved_by: personSchema('审批人').optional(),
    summary: nonEmptyText('摘要', 60).optional(),
    board: z.boolean({ error: 'board 只能是 true（上公开栏）或 false（不上公开栏）' }).default(true),
    meeting: meetingSchema.optional(),
    changes: z.array(changeSchema, { error: '修改记录应当逐条写成：- { date: 2026-08-03, note: 更正了第二段中的金额 }' }).optional(),
  })
  .strict();

export type EntryFrontMatter = z.infer<typeof entryFrontMatterSchema>;

/** Field names clerks see in messages. */
export const ENTRY_FIELD_LABELS: Record<string, string> = {
  title: '标题',
  item: '公开事项',
  date: '发布日期',
  scope: '公开范围',
  period: '期间',
  stage: '阶段',
  matter: '事项编号',
  expires: '到期日期',
  notice: '公示',
  reviewed_by: '审核人',
  approved_by: '审批人',
  summary: '摘要',
  board: '是否上公开栏',
  meeting: '会议记录',
  changes: '修改记录',
};

/** Labels of the fields inside notice, meeting and changes, for forms and messages. */
export const ENTRY_NESTED_LABELS: Record<string, Record<string, string>> = {
  notice: { start: '公示开始日期', days: '公示天数（工作日）' },
  meeting: { name: '会议名称', date: '会议日期', expected: '应到人数', present: '实到人数', vote: '表决结果' },
  changes: { date: '修改日期', note: '修改说明' },
};

export { idSchema };
