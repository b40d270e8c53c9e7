/** The print shop's quote sheet: areas by material and finish, card sheets by paper, counts by delivery address, and what this release prints. */
import { describe, expect, it } from 'vitest';
import { areaM2, quoteCsv, quoteSheet, type QuoteBoard, type QuoteCard } from '../../src/print/jobs/quote-sheet.ts';

const board = (id: string, over: Partial<QuoteBoard> = {}): QuoteBoard => ({
  id,
  trim_mm: '2400×1200',
  bleed_mm: 3,
  material: '户外防紫外线车贴（背胶）',
  finish: '覆亮膜',
  delivery_to: '清水镇',
  delivery_address: '清水镇河街24号',
  ...over,
});
const card = (unit: string, sheets: number, over: Partial<QuoteCard> = {}): QuoteCard => ({
  unit,
  sheet: 'A4',
  sheets,
  paper: '铜版纸 300 克，双面覆哑膜',
  delivery_to: '清水镇',
  delivery_address: '清水镇河街24号',
  ...over,
});
const find = (q: ReturnType<typeof quoteSheet>, kind: string, item: string) => q.lines.find((l) => l.kind === kind && l.item === item);

describe('quote sheet', () => {
  it('measures a trim with and without its bleed', () => {
    expect(areaM2('2400×1200', 3, false)).toBeCloseTo(2.88, 10);
    expect(areaM2('2400×1200', 3, true)).toBeCloseTo(2.406 * 1.206, 10);
  });

  it('sums areas by material and finish with copies counted, rounding once', () => {
    // 300 boards of 1200×900 with a 3 mm bleed: 1.092 636 m² each; rounding each would give 327.00, not 327.79.
    const small = Array.from({ length: 300 }, (_, i) => board(`b-s${i}`, { trim_mm: '1200×900', material: 'PP背胶相纸', finish: '覆哑膜' }));
    const q = quoteSheet([board('b-a', { quantity: 2 }), board('b-b'), ...small], []);
    const vinyl = '户外防紫外线车贴（背胶），覆亮膜';
    expect(find(q, '公开栏', vinyl)).toEqual({ kind: '公开栏', item: vinyl, unit: '幅', all: 3 });
    expect(find(q, '面积（成品）', vinyl)!.all).toBe(8.64);
    expect(find(q, '面积（含出血）', vinyl)!.all).toBe(8.7);
    expect(find(q, '面积（成品）', 'PP背胶相纸，覆哑膜')!.all).toBe(324);
    expect(find(q, '面积（含出血）', 'PP背胶相纸，覆哑膜')!.all).toBe(327.79);
    expect(q.reprintList).toBe(false);
    expect(q.lines.every((l) => l.now === undefined)).toBe(true);
  });

  it('says what the county did not write instead of leaving it out', () => {
    const q = quoteSheet([board('b-a', { material: undefined, finish: undefined, delivery_address: '' })], [card('v-a', 10, { paper: undefined })]);
    expect(find(q, '公开栏', '材料未写，表面处理未写')!.all).toBe(1);
    expect(find(q, '明白卡纸张', 'A4，纸张未写')!.all).toBe(10);
    expect(find(q, '送货', '清水镇（地址未写）')).toMatchObject({ unit: '幅公开栏', all: 1 });
  });

  it('counts card sheets by paper and sheet, and everything by delivery address, in a fixed order', () => {
    const q = quoteSheet(
      [board('b-q'), board('b-c', { delivery_to: '城关街道', delivery_address: '城关街道新街116号' })],
      [card('v-a', 120), card('v-b', 80), card('cu-a', 5, { sheet: 'SRA3', delivery_to: '中共清河县委组织部', delivery_address: '人民路8号' })],
    );
    expect(find(q, '明白卡纸张', 'A4，铜版纸 300 克，双面覆哑膜')!.all).toBe(200);
    expect(find(q, '明白卡纸张', 'SRA3，铜版纸 300 克，双面覆哑膜')!.all).toBe(5);
    expect(q.lines.filter((l) => l.kind === '送货').map((l) => [l.item, l.unit, l.all])).toEqual([
      ['城关街道（城关街道新街116号）', '幅公开栏', 1],
      ['清水镇（清水镇河街24号）', '幅公开栏', 1],
      ['清水镇（清水镇河街24号）', '张明白卡（双面印）', 200],
      ['中共清河县委组织部（人民路8号）', '张明白卡（双面印）', 5],
    ]);
    expect([...new Set(q.lines.map((l) => l.kind))]).toEqual(['公开栏', '面积（成品）', '面积（含出血）', '明白卡纸张', '送货']);
  });

  it('sets what this release prints beside the whole set when there is a reprint list', () => {
    const q = quoteSheet([board('b-a'), board('b-b', { quantity: 2 })], [card('v-a', 120), card('v-b', 80)], new Set(['board:b-b', 'card:v-a']));
    expect(q.reprintList).toBe(true);
    const vinyl = '户外防紫外线车贴（背胶），覆亮膜';
    expect(find(q, '公开栏', vinyl)).toMatchObject({ all: 3, now: 2 });
    expect(find(q, '面积（成品）', vinyl)).toMatchObject({ all: 8.64, now: 5.76 });
    expect(find(q, '明白卡纸张', 'A4，铜版纸 300 克，双面覆哑膜')).toMatchObject({ all: 200, now: 120 });
    // An empty reprint list: nothing to print now, every line says 0.
    expect(quoteSheet([board('b-a')], [], new Set()).lines.every((l) => l.now === 0)).toBe(true);
  });

  it('is written by the one CSV writer, with the second column only when there is a reprint list', () => {
    const without = quoteCsv(quoteSheet([board('b-a')], []));
    expect(without.startsWith('\uFEFF类别,项目,单位,全部\r\n')).toBe(true);
    expect(without).toContain('面积（成品）,户外防紫外线车贴（背胶），覆亮膜,平方米,2.88\r\n');
    const withList = quoteCsv(quoteSheet([board('b-a', { material: '=HYPERLINK("x")' })], [], new Set(['board:b-a'])));
    expect(withList.split('\r\n')[0]).toBe('\uFEFF类别,项目,单位,全部,本次需要印刷');
    // A formula in a county's own words is neutralised.
    expect(withList).toContain(`"'=HYPERLINK(""x"")，覆亮膜",幅,1,1`);
  });
});
