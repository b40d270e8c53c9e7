/**
 * A print shop's quote sheet, per release: the area to print by material and finish (square
 * metres of trim, and with the bleed, copies counted), the card sheets by paper and sheet size,
 * and what goes to each delivery address — for the whole set and for what this release asks to
 * print (the reprint list), side by side. Written as print/quote.csv (the one CSV writer) and
 * shown on /print/; computed from the print plan, so the page has it before anything is drawn.
 */
import { z } from 'zod';
import { toCsv } from '../../domain/csv.ts';

/** What the quote needs of a board: its id, trim, copies, material and finish, and where it goes. */
export interface QuoteBoard {
  id: string;
  trim_mm: string;
  bleed_mm: number;
  quantity?: number | undefined;
  material?: string | undefined;
  finish?: string | undefined;
  delivery_to: string;
  delivery_address: string;
}

/** What the quote needs of a unit's cards. */
export interface QuoteCard {
  unit: string;
  sheet: string;
  sheets?: number | undefined;
  paper?: string | undefined;
  delivery_to: string;
  delivery_address: string;
}

const line = z.object({
  /** 面积, 纸张, 送货. */
  kind: z.string(),
  item: z.string(),
  unit: z.string(),
  all: z.number(),
  /** What this release prints (undefined without a reprint list). */
  now: z.number().optional(),
});
export const quoteSheetSchema = z.object({ lines: z.array(line), reprintList: z.boolean() });
export type QuoteSheet = z.infer<typeof quoteSheetSchema>;
export type QuoteLine = z.infer<typeof line>;

/** Square metres of a `w×h` trim, with the bleed on every side when `withBleed`. */
export function areaM2(trim: string, bleed: number, withBleed: boolean): number {
  const [w, h] = trim.split('×').map(Number) as [number, number];
  const e = withBleed ? 2 * bleed : 0;
  return ((w + e) * (h + e)) / 1e6;
}
const round2 = (x: number) => Math.round(x * 100) / 100;
const ORDER = ['公开栏', '面积（成品）', '面积（含出血）', '明白卡纸张', '送货'];

/**
 * The quote for `boards` and `cards`; `reprint`, when the release has a reprint list, holds the
 * `board:<id>` and `card:<unit>` it asks to print. Sums are kept exact and rounded once, to
 * hundredths of a square metre, so 510 boards do not add up 510 roundings.
 */
export function quoteSheet(boards: readonly QuoteBoard[], cards: readonly QuoteCard[], reprint?: ReadonlySet<string>): QuoteSheet {
  const sums = new Map<string, { kind: string; item: string; unit: string; all: number; now: number }>();
  const add = (kind: string, item: string, unit: string, amount: number, tag: string) => {
    const key = [kind, item, unit].join('\u0000');
    const line = sums.get(key) ?? { kind, item, unit, all: 0, now: 0 };
    line.all += amount;
    if (reprint?.has(tag)) line.now += amount;
    sums.set(key, line);
  };
  const where = (x: { delivery_to: string; delivery_address: string }) => `${x.delivery_to}（${x.delivery_address || '地址未写'}）`;
  for (const b of boards) {
    const spec = `${b.material ?? '材料未写'}，${b.finish ?? '表面处理未写'}`;
    const copies = b.quantity ?? 1;
    const tag = `board:${b.id}`;
    add('公开栏', spec, '幅', copies, tag);
    add('面积（成品）', spec, '平方米', areaM2(b.trim_mm, b.bleed_mm, false) * copies, tag);
    add('面积（含出血）', spec, '平方米', areaM2(b.trim_mm, b.bleed_mm, true) * copies, tag);
    add('送货', where(b), '幅公开栏', copies, tag);
  }
  for (const c of cards) {
    const tag = `card:${c.unit}`;
    add('明白卡纸张', `${c.sheet}，${c.paper ?? '纸张未写'}`, '张（双面印）', c.sheets ?? 0, tag);
    add('送货', where(c), '张明白卡（双面印）', c.sheets ?? 0, tag);
  }
  const lines: QuoteLine[] = [...sums.values()].map((l) => ({
    kind: l.kind,
    item: l.item,
    unit: l.unit,
    all: round2(l.all),
    ...(reprint ? { now: round2(l.now) } : {}),
  }));
  lines.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.item.localeCompare(b.item, 'zh') || a.unit.localeCompare(b.unit));
  return { lines, reprintList: reprint !== undefined };
}

export function quoteCsv(q: QuoteSheet): string {
  return toCsv(
    ['类别', '项目', '单位', '全部', ...(q.reprintList ? ['本次需要印刷'] : [])],
    q.lines.map((l) => [l.kind, l.item, l.unit, l.all, ...(q.reprintList ? [l.now ?? 0] : [])]),
  );
}
