/**
 * The printers' manifest: one row per board (file, trim size, pages, sheets, sha256, the
 * entries on it, overflow, whether it changed since the previous release) and one per unit's
 * household cards (imposition, households, sheets to print, …), as JSON for the website and
 * CSV for people (manifest.csv for boards, cards.csv for cards). Boards and cards with nothing
 * to print today are listed apart in the JSON (`empty`) and are not rows of the CSV order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { toCsv } from '../../domain/csv.ts';
import { jobTicketSchema } from './job-ticket.ts';
import { quoteSheetSchema } from './quote-sheet.ts';

/** A path inside the output folder, without a leading slash: print/boards/b-x.pdf. */
const sitePath = z.string().regex(/^print\//);
const count = z.number().int().nonnegative();

/** One board: its file, trim size, pages, sheets, sha256, the entries on it, what did not fit. */
export const boardRowSchema = z.object({
  id: z.string(),
  unit: z.string(),
  unit_name: z.string(),
  town: z.string().optional(),
  template: z.string(),
  pdf: sitePath,
  tiles: sitePath.optional(),
  preview: sitePath,
  /** The job ticket from boards.yaml: where the board stands and how it is made and mounted. */
  location: z.string().optional(),
  placement: z.enum(['indoor', 'outdoor']).optional(),
  material: z.string().optional(),
  finish: z.string().optional(),
  mounting: z.string().optional(),
  /** What the print goes onto and how it is fixed there (a glass-door cabinet's KT board, double-sided tape …). */
  substrate: z.string().optional(),
  fixing: z.string().optional(),
  /** Who receives the files and where (site.yaml print_job.delivery). */
  delivery_to: z.string(),
  delivery_address: z.string(),
  /** Copies to print (one board, one print). */
  quantity: count.optional(),
  trim_mm: z.string(),
  bleed_mm: z.number(),
  pages: count,
  sheets: count,
  body_pt: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(z.string()),
  /** Whether the file differs from the previous release's. */
  changed: z.boolean(),
  overflow: z.object({ entries: z.array(z.string()), mm: z.number() }).optional(),
  /** Entries shortened or left off to keep the board on its one sheet, and how (layout/board-fit.ts). */
  shortened: z.array(z.object({ entry: z.string(), action: z.enum(['finished-notice', 'older', 'summary', 'list', 'omitted']) })).optional(),
  warning: z.string().optional(),
});
export type ManifestRow = z.infer<typeof boardRowSchema>;

/** One unit's household cards: one front+back sheet pair, printed `sheets` times. */
export const cardRowSchema = z.object({
  unit: z.string(),
  unit_name: z.string(),
  town: z.string().optional(),
  template: z.string(),
  pdf: sitePath,
  preview: sitePath,
  /** One card with its bleed (front, back), TrimBox = the card: for shops that impose themselves. */
  single: sitePath,
  trim_mm: z.string(),
  bleed_mm: z.number(),
  /** A4, A3 or SRA3, and which way up. */
  sheet: z.string(),
  landscape: z.boolean(),
  per_sheet: count,
  /** From units.yaml; without it `sheets` is unknown and left out. */
  households: count.optional(),
  spare_percent: z.number(),
  /** Sheets to print (each printed on both sides): ceil(households / per_sheet) plus the spare. */
  sheets: count.optional(),
  /** The paper (site.yaml print_job.cards), in words. */
  paper: z.string().optional(),
  delivery_to: z.string(),
  delivery_address: z.string(),
  body_pt: z.number(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  entries: z.array(z.string()),
  changed: z.boolean(),
  /** Front entries and back items left off at the floor size. */
  overflow: z.object({ entries: z.array(z.string()), back: z.array(z.string()) }).optional(),
  warning: z.string().optional(),
});
export type CardRow = z.infer<typeof cardRowSchema>;

/**
 * Boards and card sheets with nothing public to show today (jobs/empty-products.ts):
 * no file, no quantity, no zip. Listed apart from `boards` and `cards`, which are the print order
 * and its totals, so nothing that counts or ships the print files can take them for a job.
 */
export const emptyProductsSchema = z.object({
  boards: z.array(boardRowSchema.pick({ id: true, unit: true, unit_name: true, town: true, location: true, trim_mm: true })),
  cards: z.array(cardRowSchema.pick({ unit: true, unit_name: true, town: true, households: true })),
});
export type EmptyProducts = z.infer<typeof emptyProductsSchema>;

/** print/manifest.json: one schema for the writer (pipeline, merge) and every reader. */
export const manifestSchema = z.object({
  /** The content date the boards show (--today), never the clock. */
  generated: z.string(),
  /** The job ticket: deadline, contact, delivery, the cards' paper, installation (job-ticket.ts). */
  job: jobTicketSchema,
  boards: z.array(boardRowSchema),
  cards: z.array(cardRowSchema),
  /** Not printed: nothing to show on them today. */
  empty: emptyProductsSchema,
});
export type Manifest = z.infer<typeof manifestSchema>;

/**
 * The manifest as it is known before anything is rendered: every file's path and every card
 * sheet's quantity. The site links the print files from it while they are still being drawn.
 */
export const printPlanSchema = z.object({
  generated: z.string(),
  job: jobTicketSchema,
  boards: z.array(boardRowSchema.pick({ id: true, pdf: true, preview: true })),
  cards: z.array(
    cardRowSchema.pick({
      unit: true,
      unit_name: true,
      town: true,
      template: true,
      pdf: true,
      preview: true,
      single: true,
      trim_mm: true,
      bleed_mm: true,
      sheet: true,
      landscape: true,
      per_sheet: true,
      households: true,
      spare_percent: true,
      sheets: true,
      paper: true,
      delivery_to: true,
      delivery_address: true,
    }),
  ),
  /** Each town's zip and installation list, and the county units' (town: COUNTY_GROUP) (run/town-ticket.ts). */
  towns: z.array(z.object({ town: z.string(), zip: sitePath, install: sitePath })).optional(),
  /** Every board's tile file, by board id (boards printed tiled on A3/A4). */
  tiles: z.record(z.string(), sitePath).optional(),
  /** The quote sheet of the run (quote-sheet.ts), as print/quote.csv has it. */
  quote: quoteSheetSchema,
  empty: emptyProductsSchema,
});
export type PrintPlanView = z.infer<typeof printPlanSchema>;

/**
 * `raw` when it matches `schema`, else an Error naming the first problem. The value itself is
 * returned, not zod's copy: the copy would order keys by the schema, and manifests are
 * written back byte-identical (a sharded build merges into exactly a single build's files).
 */
export function matching<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${what}格式不对：${issue.path.join('.') || '（整个文件）'}：${issue.message}`);
  }
  return raw as z.infer<S>;
}

/** sha256 of each board (by id) and each card (by unit) in a previous manifest, if one exists and can be read. */
export function previousHashes(file: string | undefined): { boards: Map<string, string>; cards: Map<string, string> } | undefined {
  if (!file || !existsSync(file)) return undefined;
  // Only what comparing needs: a manifest from an older version still tells what changed.
  const hashes = z.object({
    boards: z.array(boardRowSchema.pick({ id: true, sha256: true })),
    cards: z.array(cardRowSchema.pick({ unit: true, sha256: true })).default([]),
  });
  try {
    const m = hashes.parse(JSON.parse(readFileSync(file, 'utf8')));
    return { boards: new Map(m.boards.map((b) => [b.id, b.sha256])), cards: new Map(m.cards.map((c) => [c.unit, c.sha256])) };
  } catch {
    return undefined;
  }
}

const CSV_HEAD = [
  '公开栏',
  '单位',
  '所属镇',
  '模板',
  '文件',
  '拼贴文件',
  '位置',
  '室内/室外',
  '材料',
  '表面处理',
  '安装方式',
  '基材',
  '固定方式',
  '送到',
  '送货地址',
  '数量',
  '成品尺寸（毫米）',
  '出血（毫米）',
  '页数',
  '印张数',
  '正文字号（磅）',
  'sha256',
  '条目',
  '自上次发布有变化',
  '排不下的条目',
  '超出（毫米）',
  '精简',
  '提示',
];

export const PLACEMENT_LABELS = { indoor: '室内', outdoor: '室外' } as const;

/** How a shortening reads in the manifest and the build's notes. */
export const SHORTEN_LABELS = {
  'finished-notice': '公示期已结束，未上栏',
  older: '已有更新的同类内容，未上栏',
  summary: '只印摘要和二维码',
  list: '只印标题',
  omitted: '未上栏',
} as const;

/** What was shortened on a board, as the manifest and the build's notes word it. */
export const shortenedText = (b: ManifestRow) => b.shortened?.map((x) => `${x.entry}（${SHORTEN_LABELS[x.action]}）`).join('、');

export function manifestCsv(m: Manifest): string {
  const rows = m.boards.map((b) => [
    b.id,
    b.unit_name,
    b.town,
    b.template,
    b.pdf,
    b.tiles,
    b.location,
    b.placement && PLACEMENT_LABELS[b.placement],
    b.material,
    b.finish,
    b.mounting,
    b.substrate,
    b.fixing,
    b.delivery_to,
    b.delivery_address,
    b.quantity,
    b.trim_mm,
    b.bleed_mm,
    b.pages,
    b.sheets,
    b.body_pt,
    b.sha256,
    b.entries.join(' '),
    b.changed,
    b.overflow?.entries.join(' '),
    b.overflow?.mm,
    shortenedText(b),
    b.warning,
  ]);
  return toCsv(CSV_HEAD, rows);
}

const CARD_CSV_HEAD = [
  '单位标识',
  '单位',
  '所属镇',
  '模板',
  '文件',
  '预览',
  '单张文件（含出血）',
  '成品尺寸（毫米）',
  '出血（毫米）',
  '纸张',
  '每张卡数',
  '户数',
  '备用（%）',
  '印张数（双面）',
  '纸张规格',
  '送到',
  '送货地址',
  '正文字号（磅）',
  'sha256',
  '条目',
  '自上次发布有变化',
  '排不下的条目',
  '排不下的背面内容',
  '提示',
];

/** cards.csv: one row per unit's card sheets, for the print shop's order. */
export function cardsCsv(m: Manifest): string {
  const rows = m.cards.map((c) => [
    c.unit,
    c.unit_name,
    c.town,
    c.template,
    c.pdf,
    c.preview,
    c.single,
    c.trim_mm,
    c.bleed_mm,
    `${c.sheet}${c.landscape ? '横放' : '竖放'}`,
    c.per_sheet,
    c.households,
    c.spare_percent,
    c.sheets,
    c.paper,
    c.delivery_to,
    c.delivery_address,
    c.body_pt,
    c.sha256,
    c.entries.join(' '),
    c.changed,
    c.overflow?.entries.join(' '),
    c.overflow?.back.join(' '),
    c.warning,
  ]);
  return toCsv(CARD_CSV_HEAD, rows);
}
