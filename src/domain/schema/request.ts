/**
 * A 点题 request: content/requests/<unit>/<yyyy>/<slug>.md. The body holds the question.
 * Its state (waiting, overdue, answered on time …) is computed from the dates, never typed in.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, nonEmptyText } from './common.ts';

export const CHANNELS = ['意见箱', '电话', '现场', '网站', '党员大会', '村民代表会议', '信函', '其他'] as const;

export const requestFrontMatterSchema = z
  .object({
    topic: nonEmptyText('点题主题', 60),
    received: isoDateSchema,
    channel: z.enum(CHANNELS, { error: `点题渠道只能是：${CHANNELS.join('、')}` }),
    /** Answered on the spot (当场解释): the explanation is the reply. */
    on_the_spot: z.boolean({ error: 'on_the_spot 只能是 true 或 false' }).default(false),
    /** Clarification asked of the requester: the clock stops from `asked` until `answered`. */
    clarification: z.object({ asked: isoDateSchema, answered: isoDateSchema.optional() }).strict().optional(),
    replied: isoDateSchema.optional(),
    reply: nonEmptyText('答复内容', 2000).optional(),
    /** The slug of the entry in the same unit that answers the request publicly. */
    answer_entry: idSchema.optional(),
    status: z.enum(['open', 'withdrawn'], { error: 'status 只能是 open（办理中）或 withdrawn（提出人撤回）' }).default('open'),
  })
  .strict();

export type RequestFrontMatter = z.infer<typeof requestFrontMatterSchema>;

export const REQUEST_FIELD_LABELS: Record<string, string> = {
  topic: '点题主题',
  received: '收到日期',
  channel: '点题渠道',
  on_the_spot: '当场解释',
  clarification: '请求补充说明',
  replied: '答复日期',
  reply: '答复内容',
  answer_entry: '答复条目',
  status: '状态',
};
