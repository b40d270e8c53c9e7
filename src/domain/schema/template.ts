/**
 * Templates: templates/<id>.yaml, for boards (kind: board) and household cards (kind: card).
 * Fixed here: name, design (trim) size, which unit kinds it suits, and for cards the sheet
 * they are imposed on. A board's layout block belongs to the print engine; a card's layout
 * block is small and checked here, so `check` reports a wrong card template by file and line.
 */
import { z } from 'zod';
import { nonEmptyText } from './common.ts';
import { CHANNELS } from './request.ts';
import { UNIT_KINDS } from './unit.ts';

const pct = z.number().min(0).max(100);
export const cmykSchema = z.tuple([pct, pct, pct, pct], { error: '颜色写成 CMYK 四个百分数，例如 [0, 100, 100, 0]（红色）' });

/**
 * The party red when a county sets none (site.yaml print.party_red): M100 Y100, the solid
 * red print shops commonly expect for 党政红 (M80 Y80, used before, prints noticeably lighter).
 */
export const PARTY_RED: readonly [number, number, number, number] = [0, 100, 100, 0];
/** Written in a template instead of CMYK numbers: the county's red. */
export const PARTY_RED_NAME = 'party-red';

/**
 * A template colour: CMYK numbers, or `party-red`. Loading the project replaces `party-red`
 * (and an omitted colour) with site.yaml's red (withPartyRed); a template parsed on its own
 * gets the default red.
 */
export const templateColourSchema = z
  .union([cmykSchema, z.literal(PARTY_RED_NAME)], {
    error: `颜色写成 ${PARTY_RED_NAME}（本县党政红，见 site.yaml 的 print.party_red），或 CMYK 四个百分数，例如 [0, 100, 100, 0]`,
  })
  .transform((c): [number, number, number, number] => (c === PARTY_RED_NAME ? [...PARTY_RED] : c));
/** A positive measure (millimetres or points) with a sanity maximum, messages in Chinese. */
export const measure = (label: string, max: number) =>
  z
    .number({ error: `${label}应当是数字` })
    .positive({ error: `${label}应当大于 0` })
    .max(max, { error: `${label}不能超过 ${max}` });

/** Sheets household cards are imposed on (SRA3 is the print shops' 320×450 mm). */
export const CARD_SHEETS = ['A4', 'A3', 'SRA3'] as const;
export type CardSheet = (typeof CARD_SHEETS)[number];

const count = (label: string) =>
  z
    .number({ error: `${label}应当是整数` })
    .int({ error: `${label}应当是整数` })
    .min(1, { error: `${label}至少为 1` })
    .max(12, { error: `${label}最多为 12` });

/** Which catalog items a card may show, in priority order, each with its short label on the card. */
const cardItemSchema = z
  .object({
    item: z.string().min(1),
    label: nonEmptyText('卡上简称', 4),
  })
  .strict();

export const cardLayoutSchema = z
  .object({
    /** Safety margin inside the trim; nothing but the coloured bands comes closer to the edge. */
    margin_mm: measure('页边距', 30).default(4),
    name_pt: measure('单位名称字号', 72).default(13),
    body_pt: measure('正文字号', 36).default(9),
    line_height: z.number().min(1).max(2.5).default(1.35),
    qr_mm: measure('二维码边长', 100).default(20),
    /** The front's band and the labels; the county's red unless the template names another colour. */
    color: templateColourSchema.default([...PARTY_RED]),
    min_entries: count('最少条目数').default(3),
    max_entries: count('最多条目数').default(6),
    /** Label of a running 公示, which comes first whatever its item. */
    notice_label: nonEmptyText('公示简称', 4).default('公示'),
    items: z
      .array(cardItemSchema)
      .min(1, { error: '至少列出一个可以印在明白卡上的事项' })
      .default([{ item: 'dues-collection', label: '党费' }]),
    /** 点题 channels printed on the back; the same words a request's `channel` takes. */
    channels: z
      .array(z.enum(CHANNELS, { error: `点题渠道只能是：${CHANNELS.join('、')}` }))
      .min(1)
      .default(['意见箱', '电话', '现场', '网站']),
  })
  .strict()
  .refine((l) => l.min_entries <= l.max_entries, { error: '最少条目数不能大于最多条目数', path: ['min_entries'] });

export type CardLayout = z.infer<typeof cardLayoutSchema>;

export const templateSchema = z
  .object({
    name: nonEmptyText('模板名称', 40),
    kind: z.enum(['board', 'card']).default('board'),
    width_mm: z.number().int().min(50).max(10000),
    height_mm: z.number().int().min(50).max(10000),
    unit_kinds: z.array(z.enum(UNIT_KINDS)).default([]),
    /** Card templates only: the sheet to impose on, instead of site.yaml's defaults.card_sheet. */
    sheet: z.enum(CARD_SHEETS, { error: `拼版纸张只能是：${CARD_SHEETS.join('、')}` }).optional(),
    layout: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.kind !== 'card') {
      if (t.sheet) ctx.addIssue({ code: 'custom', path: ['sheet'], message: '只有明白卡模板（kind: card）才能写 sheet' });
      return;
    }
    if (t.width_mm > 450 || t.height_mm > 450)
      ctx.addIssue({ code: 'custom', path: ['width_mm'], message: `明白卡 ${t.width_mm}×${t.height_mm} 毫米太大，放不进 SRA3 纸；请确认单位是毫米` });
    const r = cardLayoutSchema.safeParse(t.layout);
    if (!r.success) for (const i of r.error.issues) ctx.addIssue({ code: 'custom', path: ['layout', ...i.path], message: i.message });
  });

export type Template = z.infer<typeof templateSchema>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The template with `party-red`, or no colour at all, replaced by the county's red: the
 * board header's `layout.header.color`, a card's `layout.color`. A malformed block is left
 * as it is, for the layout's own check to name.
 */
export function withPartyRed(t: Template, red: readonly number[]): Template {
  const own = (c: unknown) => (c === undefined || c === PARTY_RED_NAME ? [...red] : c);
  if (t.kind === 'card') return { ...t, layout: { ...t.layout, color: own(t.layout.color) } };
  const header = t.layout.header ?? {};
  if (!isRecord(header)) return t;
  return { ...t, layout: { ...t.layout, header: { ...header, color: own(header.color) } } };
}
