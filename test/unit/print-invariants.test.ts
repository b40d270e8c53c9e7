/**
 * Fit or shorten, as invariants over random and adversarial boards (fake measurer, fixed
 * seeds): a board is one sheet (unless it asks for continuation sheets); every box lies inside
 * a column (content) or inside the trim (header and footer); the text goes in — no character
 * dropped, none duplicated — except what the result reports as shortened, and then exactly its
 * summary or its title; no text below the floor, footer included; a panel title larger than
 * everything in the panels; whatever the entries hold: words and URLs longer than a line, runs
 * of marks, long tables, wide tables, huge images, many headings.
 */
import { describe, expect, it } from 'vitest';
import { mm, WHITE, type Box } from '../../src/print/layout/boxes.ts';
import { summaryText, type EntryContent } from '../../src/print/layout/entry-pieces.ts';
import { boardColumns, boardFurniture, layoutBoard, type BoardResult, type BoardSpec, type Shortening } from '../../src/print/layout/layout-board.ts';
import type { Block } from '../../src/print/layout/markdown-blocks.ts';
import { fakeMeasurer } from '../fake-measurer.ts';
import { boardLayoutSchema } from '../../src/print/layout/template-layout.ts';
import { extent, outsideColumns, solid } from './print-extent.ts';

const m = fakeMeasurer();

/** mulberry32: a small seeded generator, so every run tests the same boards. */
function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)]!;
  return { next, int, pick };
}
type Rng = ReturnType<typeof rng>;

/** Table header cells use Bopomofo only, so the repeats of a header row can be told from body text. */
const HEADER_CHARS = 'ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙ';
const isHeaderChar = (c: string) => HEADER_CHARS.includes(c);

const han = (r: Rng, n: number) => Array.from({ length: n }, () => String.fromCodePoint(0x4e00 + r.int(0, 3000))).join('');

/** A run of text, ordinary or hostile. */
function phrase(r: Rng): string {
  switch (r.int(0, 11)) {
    case 0:
      return `https://example.gov.cn/${'a1b2c3'.repeat(r.int(10, 80))}`;
    case 1:
      return '9'.repeat(r.int(20, 300));
    case 2:
      return '。'.repeat(r.int(2, 120));
    case 3:
      return `${han(r, 2)}${'——'.repeat(r.int(1, 60))}${han(r, 2)}`;
    case 4:
      return `（${'《“'.repeat(r.int(1, 40))}${han(r, 3)}”》）`;
    case 5:
      return `${han(r, r.int(1, 5))}……${han(r, 2)}，`;
    case 6:
      return `收缴${r.int(1, 99999)}.${r.int(10, 99)}元（${r.int(1, 12)}月）；`;
    case 7:
      return `Supercalifragilistic${'x'.repeat(r.int(0, 200))} word `;
    default:
      return `${han(r, r.int(1, 60))}${r.pick(['。', '，', '、', '；', '：', '？', '！', '', ''])}`;
  }
}

const text = (r: Rng, parts: number) => Array.from({ length: parts }, () => phrase(r)).join('');

function table(r: Rng): Block {
  const cols = r.pick([1, 2, 3, 4, 6, 12, 40]);
  const header = Array.from({ length: cols }, () => Array.from({ length: r.int(0, 6) }, () => r.pick([...HEADER_CHARS])).join(''));
  const rows = Array.from({ length: r.pick([1, 3, 12, 60]) }, () =>
    Array.from({ length: cols }, () => (r.next() < 0.05 ? text(r, r.int(5, 25)) : r.next() < 0.2 ? '' : text(r, 1))),
  );
  return { kind: 'table', header, rows };
}

function block(r: Rng): Block {
  const k = r.int(0, 9);
  if (k <= 3) return { kind: 'para', text: text(r, r.int(1, 12)) };
  if (k === 4) return { kind: 'heading', level: r.int(2, 4), text: text(r, r.int(1, 3)) };
  if (k === 5) return { kind: 'item', marker: r.pick(['•', '1.', '  12.', '  •']), text: text(r, r.int(1, 6)) };
  if (k === 6) return table(r);
  if (k === 7) {
    const [w, h] = r.pick([
      [20000, 30000],
      [30000, 100],
      [10, 20000],
      [640, 480],
      [1, 1],
    ] as const);
    return { kind: 'image', src: '/nonexistent.jpg', alt: r.next() < 0.5 ? text(r, 1) : '', pxWidth: w, pxHeight: h };
  }
  // Many headings in a row, then a line.
  return { kind: 'heading', level: 2, text: han(r, r.int(1, 30)) };
}

function entry(r: Rng, id: string): EntryContent & { date: string; finished?: boolean; older?: boolean } {
  return {
    id,
    title: text(r, r.int(1, 3)),
    meta: r.next() < 0.7 ? `公示期：${han(r, 4)}至${han(r, 4)}` : '',
    blocks: Array.from({ length: r.int(0, 8) }, () => block(r)),
    date: `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
    url: `https://example.gov.cn/units/u/${id.replace('/', '-')}/`,
    ...(r.next() < 0.5 ? { summary: text(r, 1).slice(0, 60) } : {}),
    ...(r.next() < 0.15 ? { finished: true } : {}),
    ...(r.next() < 0.2 ? { older: true } : {}),
  };
}

const SIZES = [
  [2400, 1200, 1],
  [3000, 1500, 1],
  [1200, 900, 1],
  [800, 600, 0.67],
  [3600, 2000, 1],
] as const;

function randomSpec(seed: number): BoardSpec {
  const r = rng(seed);
  const [w, h, scale] = r.pick(SIZES);
  const panels = Array.from({ length: r.int(1, 5) }, (_, i) => ({
    title: i === 0 && r.next() < 0.3 ? '组织建设与党员管理及其他各项工作' : r.pick(['组织建设', '党员管理', '其他']),
    aspects: ['*'],
  }));
  const layout = boardLayoutSchema.parse({ panels });
  return {
    widthMm: w,
    heightMm: h,
    title: r.next() < 0.2 ? `${han(r, 40)}党务公开栏` : '甲村党支部党务公开栏',
    layout,
    scale,
    panels: panels.map((p, pi) => ({
      title: p.title,
      sections: Array.from({ length: r.int(0, 3) }, (_, si) => ({
        heading: han(r, r.int(2, 12)),
        entries: Array.from({ length: r.int(0, 3) }, (_, ei) => entry(r, `u/${pi}-${si}-${ei}`)),
      })),
    })),
    footer: ['监督电话：0000-6123456', '发布单位：中共示范县委组织部', `网上查看：https://example.gov.cn/units/${'x'.repeat(r.pick([5, 400]))}/`],
    qrUrl: 'https://example.gov.cn/units/x/',
    bodyMinPt: 28,
    bleedPt: mm(3),
  };
}

/**
 * The text a board must show, in input order, minus whitespace, header-cell characters and the
 * colons records add: every entry in full, or as reported shortened (its summary with
 * “扫码查看全文” and its address; its title and date; nothing), and the notes at the end.
 */
function expectedText(s: BoardSpec, shortened: readonly Shortening[] = []): string {
  const how = new Map(shortened.map((x) => [x.entry, x.action]));
  const out: string[] = [];
  const idle: string[] = [];
  for (const p of s.panels) {
    const sections = p.sections.map((x) => ({
      ...x,
      entries: x.entries.filter((e) => !['finished-notice', 'older', 'omitted'].includes(how.get(e.id) ?? '')),
    }));
    const shown = sections.filter((x) => x.entries.length);
    if (shown.length === 0) idle.push(p.title);
    for (const sec of shown) {
      if (shown.length > 1) out.push(`■${sec.heading}`);
      for (const e of sec.entries) {
        out.push(e.title, e.meta);
        const action = how.get(e.id);
        if (action === 'list') continue;
        if (action === 'summary') {
          out.push(summaryText(e), '扫码查看全文', e.url!.replace(/^https?:\/\//, ''));
          continue;
        }
        for (const b of e.blocks) {
          if (b.kind === 'item') out.push(b.marker, b.text);
          else if (b.kind === 'table') out.push(...b.rows.flat());
          else if (b.kind === 'image') out.push(b.alt);
          else out.push(b.text);
        }
      }
    }
  }
  const nothing = s.panels.every((p) => p.sections.every((x) => x.entries.length === 0));
  if (nothing) out.push('本公开栏目前暂无公开内容。', '公开内容发布后将及时张贴；网上查看请扫描右下角二维码。');
  else if (idle.length === s.panels.length) out.push('本公开栏目前暂无公开内容。');
  else if (idle.length) out.push(`本期暂无公开内容的栏目：${idle.join('、')}。`);
  if (shortened.some((x) => ['summary', 'list', 'omitted'].includes(x.action))) out.push('部分内容为摘要，全文请扫描二维码在党务公开网查看。');
  return comparable(out.join(''));
}

const comparable = (t: string) => [...solid(t)].filter((c) => !isHeaderChar(c) && c !== '：').join('');
const sorted = (t: string) => [...t].sort().join('');

const isWhite = (b: Box) => b.kind === 'text' && b.color.every((v, i) => v === WHITE[i]);

function check(s: BoardSpec, r: BoardResult): void {
  const cols = boardColumns(s, m);
  const W = mm(s.widthMm);
  const H = mm(s.heightMm);
  const content: Box[] = [];
  r.pages.forEach((p, i) => {
    const furniture = boardFurniture(s, m, i === 0 ? s.title : `${s.title}（续${i}）`, r.footerPt);
    expect(p.boxes.slice(0, furniture.length)).toEqual(furniture);
    // Header and footer stay inside the trim; only the red band runs out into the bleed.
    for (const b of furniture) {
      const e = extent(b, m);
      const slack = b.kind === 'rect' ? s.bleedPt : 0;
      expect(e.x0 >= -slack - 1e-6 && e.y0 >= -slack - 1e-6 && e.x1 <= W + slack + 1e-6 && e.y1 <= H + 1e-6, `${b.kind} ${'text' in b ? b.text : ''}`).toBe(
        true,
      );
    }
    const qr = furniture.find((b) => b.kind === 'qr')!;
    for (const b of furniture) if (b.kind === 'text' && b.y > H / 2) expect(extent(b, m).x1).toBeLessThanOrEqual(extent(qr, m).x0);
    const own = p.boxes.slice(furniture.length);
    // An empty board's notice is centred across the whole content area, gutters included.
    const empty = s.panels.every((x) => x.sections.every((y) => y.entries.length === 0));
    const area = [{ x: cols[0]!.x, y: cols[0]!.y, w: cols.at(-1)!.x + cols.at(-1)!.w - cols[0]!.x, h: cols[0]!.h }];
    expect(outsideColumns(own, empty ? area : cols, m)).toEqual([]);
    content.push(...own);
  });
  // The footer says all it was given.
  const footer = boardFurniture(s, m, s.title, r.footerPt).filter((b) => b.kind === 'text' && b.y > H / 2);
  expect(solid(footer.map((b) => (b.kind === 'text' ? b.text : '')).join(''))).toBe(solid(s.footer.join('')));
  // One sheet, unless the board asks for continuation sheets; then nothing is shortened.
  if (!s.continuation) expect(r.pages.length).toBe(1);
  else expect(r.shortened).toBeUndefined();
  // No text below the floor anywhere, footer included; panel titles above everything in the panels.
  const all = r.pages.flatMap((p) => p.boxes).filter((b) => b.kind === 'text');
  expect(Math.min(...all.map((b) => b.size))).toBeGreaterThanOrEqual(s.bodyMinPt - 1e-9);
  const panelSizes = content.filter(isWhite).map((b) => (b.kind === 'text' ? b.size : 0));
  const inPanels = content.filter((b) => b.kind === 'text' && !isWhite(b)).map((b) => (b.kind === 'text' ? b.size : 0));
  if (panelSizes.length && inPanels.length) expect(Math.min(...panelSizes)).toBeGreaterThan(Math.max(...inPanels));
  // Every character of every entry is on the board exactly once (panel titles, in white, apart).
  const shown = comparable(content.flatMap((b) => (b.kind === 'text' && !isWhite(b) ? [b.text] : [])).join(''));
  const want = expectedText(s, r.shortened);
  expect(shown.length).toBe(want.length);
  expect(sorted(shown) === sorted(want)).toBe(true);
  // Header cells are shown at least once each (more where a table continues).
  const full = (id: string) => !r.shortened?.some((x) => x.entry === id);
  const headers = s.panels.flatMap((p) =>
    p.sections.flatMap((x) => x.entries.flatMap((e) => (full(e.id) ? e.blocks.flatMap((b) => (b.kind === 'table' ? b.header : [])) : []))),
  );
  const shownHeaders = content.flatMap((b) => (b.kind === 'text' ? [...b.text].filter(isHeaderChar) : [])).length;
  expect(shownHeaders).toBeGreaterThanOrEqual([...headers.join('')].length);
  const titles = solid(
    content
      .filter(isWhite)
      .map((b) => (b.kind === 'text' ? b.text : ''))
      .join(''),
  );
  const shortened = new Map(r.shortened?.map((x) => [x.entry, x.action]));
  for (const p of s.panels)
    if (p.sections.some((x) => x.entries.some((e) => !['finished-notice', 'older', 'omitted'].includes(shortened.get(e.id) ?? ''))))
      expect(titles).toContain(solid(p.title));
}

describe('fit or shorten invariants over random boards', () => {
  for (let seed = 1; seed <= 40; seed++) {
    it(`seed ${seed}: one sheet, every box inside its column or the trim, all text present once or reported shortened, nothing under the floor`, () => {
      const s = randomSpec(seed);
      check(s, layoutBoard(s, m));
    });
    it(`seed ${seed}, with continuation sheets: nothing shortened, all text present once`, () => {
      const s = { ...randomSpec(seed), continuation: true };
      check(s, layoutBoard(s, m));
    });
  }
});

describe('fit or fail invariants: adversarial entries', () => {
  const base = (blocks: Block[], title = '条目'): BoardSpec => {
    const s = randomSpec(1000);
    s.widthMm = 1200;
    s.heightMm = 900;
    s.scale = 1;
    s.layout = boardLayoutSchema.parse({
      panels: [
        { title: '甲', aspects: ['*'] },
        { title: '乙', aspects: ['*'] },
        { title: '丙', aspects: ['*'] },
      ],
    });
    s.panels = [
      { title: '甲', sections: [{ heading: '一', entries: [{ id: 'u/x', title, meta: '', blocks }] }] },
      { title: '乙', sections: [] },
      { title: '丙', sections: [] },
    ];
    return s;
  };
  const cases: [string, Block[]][] = [
    ['a URL of 2,000 characters', [{ kind: 'para', text: `https://example.gov.cn/${'abc123'.repeat(330)}` }]],
    ['300 full stops in a row', [{ kind: 'para', text: `开始${'。'.repeat(300)}` }]],
    ['300 opening brackets in a row', [{ kind: 'para', text: `${'（'.repeat(300)}完` }]],
    ['a dash run longer than a line', [{ kind: 'para', text: `甲${'—'.repeat(400)}乙` }]],
    ['200 headings', Array.from({ length: 200 }, (_, i) => ({ kind: 'heading' as const, level: 2, text: `第${i + 1}部分` }))],
    ['a table of 600 rows', [{ kind: 'table', header: ['ㄅ', 'ㄆ'], rows: Array.from({ length: 600 }, (_, i) => [`${i + 1}`, '内容']) }]],
    ['a table of 60 columns', [{ kind: 'table', header: Array.from({ length: 60 }, () => 'ㄇ'), rows: [Array.from({ length: 60 }, (_, i) => `格${i}`)] }]],
    ['a cell of 20,000 characters', [{ kind: 'table', header: ['ㄈ', 'ㄉ'], rows: [['甲', '党'.repeat(20000)]] }]],
    [
      'a header cell of 3,000 characters',
      [
        {
          kind: 'table',
          header: ['ㄊ'.repeat(3000), 'ㄋ'],
          rows: [
            ['甲', '乙'],
            ['丙', '丁'],
          ],
        },
      ],
    ],
    [
      'huge images',
      [
        { kind: 'image', src: '/x.jpg', alt: '图', pxWidth: 100000, pxHeight: 100000 },
        { kind: 'image', src: '/y.jpg', alt: '', pxWidth: 100000, pxHeight: 10 },
        { kind: 'image', src: '/z.jpg', alt: '', pxWidth: 10, pxHeight: 100000 },
      ],
    ],
  ];
  for (const [name, blocks] of cases) {
    it(name, () => {
      const s = base(blocks);
      check(s, layoutBoard(s, m));
      const c = { ...base(blocks), continuation: true };
      check(c, layoutBoard(c, m));
    });
  }
  it('a title of 5,000 characters', () => {
    const s = base([{ kind: 'para', text: '正文。' }], '标'.repeat(5000));
    check(s, layoutBoard(s, m));
  });
});
