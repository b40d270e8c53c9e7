/** Imposing cards N-up: grid positions, crop marks on every cut line, the back mirrored for long-edge duplex, sheet counts. */
import { describe, expect, it } from 'vitest';
import { mm } from '../../src/print/layout/boxes.ts';
import { impose, sheetsFor, type Imposition } from '../../src/print/layout/card-imposition.ts';
import { noteBoxes } from '../../src/print/layout/card-notes.ts';
import { fakeMeasurer } from '../fake-measurer.ts';
import { LayoutError } from '../../src/print/layout/template-layout.ts';

const near = (a: number, b: number) => Math.abs(a - b) < 1e-6;

/** Every slot's bleed rectangle. */
const bleeds = (imp: Imposition) =>
  imp.front.map((s) => ({ x0: s.x - imp.bleed, y0: s.y - imp.bleed, x1: s.x + imp.cardW + imp.bleed, y1: s.y + imp.cardH + imp.bleed }));

describe('card imposition', () => {
  it('puts 90×54 cards 21-up on portrait SRA3, centred, a gutter apart', () => {
    const imp = impose(90, 54, 'SRA3', 3, 6);
    expect([imp.cols, imp.rows, imp.landscape]).toEqual([3, 7, false]);
    expect(imp.width).toBeCloseTo(mm(320), 6);
    expect(imp.height).toBeCloseTo(mm(450), 6);
    const xs = [...new Set(imp.front.map((s) => s.x.toFixed(6)))].map(Number);
    const ys = [...new Set(imp.front.map((s) => s.y.toFixed(6)))].map(Number);
    expect(xs).toHaveLength(3);
    expect(ys).toHaveLength(7);
    expect(xs[1]! - xs[0]!).toBeCloseTo(mm(90 + 6), 6);
    expect(ys[1]! - ys[0]!).toBeCloseTo(mm(54 + 6), 6);
    // Centred: the margins left and right (top and bottom) are equal.
    expect(xs[0]!).toBeCloseTo(imp.width - (xs[2]! + imp.cardW), 6);
    expect(ys[0]!).toBeCloseTo(imp.height - (ys[6]! + imp.cardH), 6);
    // Row-major order: card 1 top left, card 2 to its right.
    expect(imp.front.slice(0, 4).map((s) => [s.row, s.col])).toEqual([
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
    ]);
  });

  it('on A4, turns the sheet so every crop mark is 10 mm from the edge: 6 cards, not 8 with marks where office printers cannot print', () => {
    const imp = impose(90, 54, 'A4', 3, 6);
    expect([imp.cols, imp.rows, imp.landscape]).toEqual([2, 3, true]);
  });

  it('mirrors the columns on the back of a portrait sheet, so each back lands behind its front', () => {
    const imp = impose(90, 54, 'SRA3', 3, 6);
    imp.front.forEach((f, i) => {
      const b = imp.back[i]!;
      // Flipped on the long (vertical) edge: x mirrors about the sheet's centre line, y stays.
      expect(b.x).toBeCloseTo(imp.width - f.x - imp.cardW, 6);
      expect(b.y).toBeCloseTo(f.y, 6);
      expect([b.row, b.col]).toEqual([f.row, imp.cols - 1 - f.col]);
      // …and is itself a slot of the grid.
      expect(imp.front.some((s) => near(s.x, b.x) && near(s.y, b.y))).toBe(true);
    });
    expect(imp.back[0]!.x).not.toBeCloseTo(imp.front[0]!.x, 1);
  });

  it('uses a landscape sheet when it holds more, and then mirrors the rows on the back', () => {
    const imp = impose(90, 54, 'A3', 3, 6);
    expect(imp.landscape).toBe(true);
    expect(imp.front.length).toBe(16);
    expect(imp.width).toBeCloseTo(mm(420), 6);
    imp.front.forEach((f, i) => {
      const b = imp.back[i]!;
      // Flipped on the long (horizontal) edge: y mirrors about the sheet's middle, x stays.
      expect(b.y).toBeCloseTo(imp.height - f.y - imp.cardH, 6);
      expect(b.x).toBeCloseTo(f.x, 6);
      expect([b.row, b.col]).toEqual([imp.rows - 1 - f.row, f.col]);
    });
  });

  it('marks every cut line at both ends, outside every bleed and at least 10 mm inside the sheet', () => {
    for (const [w, h, sheet] of [
      [90, 54, 'A4'],
      [90, 54, 'SRA3'],
      [105, 148, 'A3'],
      [210, 99, 'SRA3'],
    ] as const) {
      const imp = impose(w, h, sheet, 3, 6);
      const cutsX = [...new Set(imp.front.flatMap((s) => [s.x, s.x + imp.cardW]).map((v) => v.toFixed(6)))];
      const cutsY = [...new Set(imp.front.flatMap((s) => [s.y, s.y + imp.cardH]).map((v) => v.toFixed(6)))];
      for (const x of cutsX) expect(imp.marks.filter((k) => k.x1.toFixed(6) === x && k.x2.toFixed(6) === x)).toHaveLength(2);
      for (const y of cutsY) expect(imp.marks.filter((k) => k.y1.toFixed(6) === y && k.y2.toFixed(6) === y)).toHaveLength(2);
      expect(imp.marks).toHaveLength(2 * (cutsX.length + cutsY.length));
      for (const k of imp.marks) {
        expect(Math.hypot(k.x2 - k.x1, k.y2 - k.y1)).toBeGreaterThanOrEqual(mm(2) - 1e-6);
        for (const [x, y] of [
          [k.x1, k.y1],
          [k.x2, k.y2],
        ] as const) {
          expect(
            x >= mm(10) - 1e-6 && x <= imp.width - mm(10) + 1e-6 && y >= mm(10) - 1e-6 && y <= imp.height - mm(10) + 1e-6,
            `${sheet}: mark at ${x},${y}`,
          ).toBe(true);
          for (const b of bleeds(imp)) expect(x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1, `${sheet}: mark at ${x},${y} inside a card`).toBe(false);
        }
      }
      // Neighbouring bleeds never overlap a card's trim.
      for (const a of imp.front)
        for (const b of bleeds(imp))
          if (!(near(b.x0 + imp.bleed, a.x) && near(b.y0 + imp.bleed, a.y)))
            expect(b.x1 <= a.x + 1e-6 || b.x0 >= a.x + imp.cardW - 1e-6 || b.y1 <= a.y + 1e-6 || b.y0 >= a.y + imp.cardH - 1e-6).toBe(true);
    }
  });

  it('refuses a card that does not fit the sheet and a gutter narrower than two bleeds, saying what to change', () => {
    expect(() => impose(300, 200, 'A4', 3, 6)).toThrow(LayoutError);
    expect(() => impose(300, 200, 'A4', 3, 6)).toThrow(/A3 或 SRA3/);
    expect(() => impose(90, 54, 'A4', 3, 4)).toThrow(/card_gutter_mm/);
  });

  it('counts sheets from households, rounded up, plus the spare percentage', () => {
    expect(sheetsFor(320, 8, 5)).toBe(42);
    expect(sheetsFor(321, 8, 5)).toBe(41 + 3);
    expect(sheetsFor(8, 8, 0)).toBe(1);
    expect(sheetsFor(0, 8, 5)).toBe(0);
  });
});

describe('printer notes on card sheets', () => {
  it('stay at least 8 mm from every edge of the sheet (office printers clip up to 5 mm), on every sheet and card size', () => {
    const m = fakeMeasurer();
    const notes = ['甲村党支部明白卡：正面 8 张、背面 8 张，长边翻转双面打印', '共印 12 张（含备用 5%），沿裁切线裁切，成品 90×54 毫米'];
    for (const [w, h] of [
      [90, 54],
      [105, 148],
      [210, 99],
    ] as const)
      for (const sheet of ['A4', 'A3', 'SRA3'] as const) {
        let imp: Imposition;
        try {
          imp = impose(w, h, sheet, 3, 6);
        } catch {
          continue; // a card that does not fit this sheet
        }
        for (const b of noteBoxes(imp, notes, m)) {
          if (b.kind !== 'text') continue;
          expect(b.x).toBeGreaterThanOrEqual(mm(8) - 1e-6);
          expect(b.x + m.width(b.text, b.face, b.size)).toBeLessThanOrEqual(imp.width - mm(8) + 1e-6);
          expect(b.y - 0.88 * b.size).toBeGreaterThanOrEqual(mm(8) - 1e-6);
          expect(b.y + 0.12 * b.size).toBeLessThanOrEqual(imp.height - mm(8) + 1e-6);
        }
      }
  });
});
