/**
 * Saddle-stitch imposition as a print shop checks it: each sheet's front and back carry the
 * pages that, folded and nested, read 1 … n; every page once; spreads fit the sheet; the A3
 * sheet keeps bleed on the trimmed edges only; creep moves inner pages towards the fold. And
 * the booklet's page count is a multiple of four with the contents pointing at the right pages.
 */
import { describe, expect, it } from 'vitest';
import { imposeBooklet, saddleOrder } from '../../src/media/booklet-imposition.ts';
import { A5, layoutBooklet } from '../../src/media/booklet-layout.ts';
import type { BookletJob } from '../../src/media/booklet.ts';
import { mm } from '../../src/print/layout/boxes.ts';
import { fakeMeasurer } from '../fake-measurer.ts';

/** Folds the sheets in order and nests them: the page order a reader turns through. */
function readingOrder(pages: number): number[] {
  const sheets = saddleOrder(pages);
  const order: number[] = [];
  const front = sheets.filter((x) => x.side === 'front');
  const back = sheets.filter((x) => x.side === 'back');
  // Into the stack: each sheet's front right, then (turning the leaf) its back left …
  for (let k = 0; k < front.length; k++) order.push(front[k]!.right, back[k]!.left);
  // … and out again from the centre spread: each back right, then its front left.
  for (let k = front.length - 1; k >= 0; k--) order.push(back[k]!.right, front[k]!.left);
  return order;
}

describe('saddle stitching', () => {
  it('puts the pages on the sheets in the order a print shop expects', () => {
    expect(saddleOrder(8)).toEqual([
      { sheet: 1, side: 'front', left: 8, right: 1 },
      { sheet: 1, side: 'back', left: 2, right: 7 },
      { sheet: 2, side: 'front', left: 6, right: 3 },
      { sheet: 2, side: 'back', left: 4, right: 5 },
    ]);
    for (const n of [4, 8, 12, 16, 40, 72]) {
      expect(readingOrder(n)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      const pages = saddleOrder(n).flatMap((s) => [s.left, s.right]);
      expect([...pages].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      // Facing pages add up to n + 1 on every side.
      for (const s of saddleOrder(n)) expect(s.left + s.right).toBe(n + 1);
    }
    expect(() => saddleOrder(10)).toThrow(/multiple of 4/);
  });

  it('fits the A5 spread on A4 without bleed and on A3 with bleed on the trimmed edges, and states the creep', () => {
    const a4 = imposeBooklet(A5.w, A5.h, 16, 'A4', 3, 100);
    expect([a4.width, a4.height].map((v) => Math.round((v / mm(1)) * 10) / 10)).toEqual([297, 210]);
    expect(a4.sides).toHaveLength(8);
    const [left, right] = a4.sides[0]!.placements;
    expect(left.clip).toEqual({ x: left.x, y: left.y, w: A5.w, h: A5.h });
    expect(right.x).toBeCloseTo(left.x + A5.w);
    const a3 = imposeBooklet(A5.w, A5.h, 16, 'A3', 3, 100);
    const [l3, r3] = a3.sides[0]!.placements;
    // Bleed outside, none at the fold.
    expect(l3.clip.x).toBeCloseTo(l3.x - mm(3));
    expect(l3.clip.x + l3.clip.w).toBeCloseTo(l3.x + A5.w);
    expect(r3.clip.x).toBeCloseTo(r3.x);
    expect(r3.clip.w).toBeCloseTo(A5.w + mm(3));
    expect(l3.clip.h).toBeCloseTo(A5.h + 2 * mm(3));
    // Creep: sheet k moves (k − 1) paper thicknesses towards the fold; the innermost of 4 sheets 0.3 mm.
    expect(a3.creepMm).toBe(0.3);
    const inner = a3.sides.at(-1)!.placements;
    expect(inner[0].shift).toBeCloseTo(mm(0.3));
    expect(inner[1].shift).toBeCloseTo(-mm(0.3));
  });
});

describe('booklet pages', () => {
  const job: BookletJob = {
    id: 't-x',
    title: '测试镇党务公开服务指南',
    county: '测试县',
    publisher: '中共测试县委组织部',
    siteTitle: '测试县党务公开网',
    siteUrl: 'https://dwgk.example.cn/',
    date: '2026-11-20',
    bleedMm: 3,
    paperUm: 100,
    red: [0, 100, 100, 0],
    howTo: { channels: ['电话', '现场'], replyDays: 3, noticeDays: 5, renewByDay: 15, supervisionPhone: '0000-6123456' },
    units: Array.from({ length: 9 }, (_, i) => ({
      id: `v-${i}`,
      name: `第${i + 1}村党支部`,
      contacts: [{ label: '办公电话', text: '0000-6100002' }],
      qrUrl: `https://dwgk.example.cn/units/v-${i}/`,
      entries: [
        {
          id: `v-${i}/org`,
          title: '组织设置和领导班子分工',
          meta: '2026年1月10日发布',
          body: '',
          dir: '.',
          url: 'https://dwgk.example.cn/x/',
          date: '2026-01-10',
        },
      ],
    })),
  };
  const blocks = () => [{ kind: 'para' as const, text: '支部委员会由5名委员组成。'.repeat(40) }];

  it('has a multiple of four pages, the covers first and last, and contents that point at the parts', () => {
    const laid = layoutBooklet(job, blocks, fakeMeasurer());
    expect(laid.pages.length % 4).toBe(0);
    expect(laid.pages.length).toBeGreaterThan(4);
    for (const p of laid.pages) expect([p.width, p.height]).toEqual([A5.w, A5.h]);
    const texts = (n: number) => laid.pages[n - 1]!.boxes.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
    expect(texts(1).join('')).toContain('测试镇党务公开服务指南');
    expect(texts(laid.pages.length).join('')).toContain('0000-6123456');
    expect(texts(2)[0]).toBe('目　录');
    for (const c of laid.contents) {
      expect(texts(c.page).join(''), c.title).toContain(c.title);
      expect(texts(c.page)).toContain(`— ${c.page} —`);
    }
    // Pages after the content are note pages, numbered.
    for (let n = laid.contentPages; n < laid.pages.length; n++) expect(texts(n)[0]).toBe('备　忘');
  });
});
