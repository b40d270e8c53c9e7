/** The pure layout engine with a fake measurer: Han = 1 em, Latin = ½ em. */
import { describe, expect, it } from 'vitest';
import { mm } from '../../src/print/layout/boxes.ts';
import { breakLines, breakUnits, HANGING, lineEndHang, NO_END, NO_START } from '../../src/print/layout/cjk-lines.ts';
import { boardColumns, boardFurniture, layoutBoard, type BoardSpec } from '../../src/print/layout/layout-board.ts';
import { sheetFill } from '../../src/print/layout/fill-figures.ts';
import { fakeMeasurer } from '../fake-measurer.ts';
import { columnWidths, tablePieces } from '../../src/print/layout/table-pieces.ts';
import { flowIntoColumns } from '../../src/print/layout/flow.ts';
import { boardLayoutSchema, resolveLayout } from '../../src/print/layout/template-layout.ts';
import { planTiles } from '../../src/print/layout/tile-plan.ts';
import { outsideColumns, solid } from './print-extent.ts';

const m = fakeMeasurer();
const S = 10;
const opts = (chars: number, extra: object = {}) => ({ face: 'serif' as const, size: S, width: chars * S, ...extra });

describe('Chinese line breaking', () => {
  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    // Many widths, so every break position is tried at least once.
    const text = '党支部召开会议，研究“三重一大”事项（一）。会议认为：工作扎实、成效明显！是否继续？《条例》规定——必须公开……请监督。';
    for (let chars = 5; chars <= 20; chars++) {
      const lines = breakLines(text, m, opts(chars));
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const [i, l] of lines.entries()) {
        const cs = [...l.text];
        if (i > 0) expect(NO_START.has(cs[0]!), `line starts with ${cs[0]} at width ${chars}`).toBe(false);
        if (i < lines.length - 1) expect(NO_END.has(cs.at(-1)!), `line ends with ${cs.at(-1)} at width ${chars}`).toBe(false);
        if (i > 0) expect(l.text.startsWith('—') || l.text.startsWith('…')).toBe(false);
        // —— and …… are never split between lines.
        if (i < lines.length - 1) expect(/[—…]$/.test(l.text) && /^[—…]/.test(lines[i + 1]!.text)).toBe(false);
        // No line's ink runs past the width (a closing mark at the end may give up its empty half).
        expect(l.x + m.width(l.text, 'serif', S) + l.spacing * ([...l.text].length - 1) - lineEndHang(l.text, m, 'serif', S)).toBeLessThanOrEqual(
          chars * S + 1e-6,
        );
      }
    }
  });

  it('compresses a closing mark at the line end by half rather than leave a loose line', () => {
    // 9½ ems: “九。” only fits with the full stop's empty half past the end.
    const lines = breakLines('一二三四五六七八九。十一二三', m, opts(9.5));
    expect(lines[0]!.text).toBe('一二三四五六七八九。');
    expect(lines[0]!.spacing).toBe(0);
    expect(lineEndHang('九。', m, 'serif', S)).toBe(S / 2);
    expect(lineEndHang('九', m, 'serif', S)).toBe(0);
    // Only the mark's empty half hangs: with a whole em more to place, “十。” goes to the next line.
    expect(breakLines('一二三四五六七八九十。', m, opts(9.5)).map((l) => l.text)).toEqual(['一二三四五六七八九', '十。']);
    for (const ch of HANGING) expect(NO_START.has(ch), ch).toBe(true);
  });

  it('breaks a run of marks longer than a line rather than let it run past the column', () => {
    for (const text of [`开始${'。'.repeat(40)}`, `${'（'.repeat(40)}完`, `甲${'—'.repeat(40)}乙`, `见https://example.cn/${'a'.repeat(60)}。`]) {
      const lines = breakLines(text, m, opts(10, { indent: 2 * S }));
      expect(lines.map((l) => l.text).join('')).toBe(text);
      for (const l of lines) expect(l.x + m.width(l.text, 'serif', S) - lineEndHang(l.text, m, 'serif', S), l.text).toBeLessThanOrEqual(10 * S + 1e-6);
    }
    // Where the rules allow a break nearby, it is taken there: the URL’s full stop keeps a letter with it.
    const url = breakLines(`见https://example.cn/${'a'.repeat(60)}。`, m, opts(10));
    for (const l of url.slice(1)) expect(NO_START.has([...l.text][0]!)).toBe(false);
  });

  it('keeps Latin words and numbers whole', () => {
    expect(breakUnits('收缴11,380.00元 total')).toContain('11,380.00');
    expect(breakUnits('周六 9:00-12:00，14:00-17:00')).toEqual(['周', '六', ' ', '9:00-12:00，', '14:00-17:00']);
    // A hard-wrapped line in the Markdown is no space between Chinese characters, a space between words.
    expect(breakUnits('第一行，\n  第二行\nword\nnext').join('')).toBe('第一行，第二行 word next');
    const lines = breakLines('甲乙丙丁戊己庚 12345678 辛', m, opts(8));
    expect(lines.some((l) => l.text.includes('12345678'))).toBe(true);
  });

  it('justifies full lines by inter-character spacing and leaves the last line natural', () => {
    // “十。” cannot be split, so the first line holds 9 characters and 1 em is spread over 8 gaps.
    const lines = breakLines('一二三四五六七八九十。一二三四五六七八九十一二', m, opts(10));
    expect(lines[0]!.text).toBe('一二三四五六七八九');
    expect(lines[0]!.spacing).toBeCloseTo(S / 8, 6);
    for (const l of lines.slice(0, -1)) {
      const n = [...l.text].length;
      expect(l.x + l.width + l.spacing * (n - 1)).toBeCloseTo(10 * S, 6);
    }
    expect(lines.at(-1)!.spacing).toBe(0);
    expect(lines.some((l) => l.spacing > 0)).toBe(true);
  });

  it('indents the first line by 2 em', () => {
    const lines = breakLines('一二三四五六七八九十一二三四五', m, opts(10, { indent: 2 * S }));
    expect(lines[0]!.x).toBe(20);
    expect([...lines[0]!.text].length).toBe(8);
    expect(lines[1]!.x).toBe(0);
  });

  it('does not leave a single character on the last line', () => {
    const lines = breakLines('一二三四五六七八九十一', m, opts(10));
    expect([...lines.at(-1)!.text].length).toBeGreaterThanOrEqual(2);
  });
});

const layout = boardLayoutSchema.parse({
  margin_mm: 20,
  gutter_mm: 20,
  header: { height_mm: 100, title_pt: 100 },
  body_pt: 36,
  footer: { height_mm: 60, text_pt: 24, qr_mm: 40 },
  panels: [
    { title: '组织建设', aspects: ['org'] },
    { title: '其他', aspects: ['*'] },
  ],
});

function spec(chars: number): BoardSpec {
  return {
    widthMm: 1200,
    heightMm: 900,
    title: '甲村党支部党务公开栏',
    layout,
    scale: 1,
    panels: [
      {
        title: '组织建设',
        sections: [
          {
            heading: '组织设置',
            entries: [{ id: 'u/a', title: '标题甲', meta: '2026年11月20日发布', blocks: [{ kind: 'para', text: '党'.repeat(chars) + '末尾句。' }] }],
          },
        ],
      },
      { title: '其他', sections: [{ heading: '党费', entries: [{ id: 'u/b', title: '标题乙', meta: '', blocks: [{ kind: 'para', text: '短文。' }] }] }] },
    ],
    footer: ['监督电话：0000-6123456', '发布单位：测试'],
    qrUrl: 'https://example.cn/units/u/',
    bodyMinPt: 28,
    bleedPt: mm(3),
  };
}

const texts = (r: ReturnType<typeof layoutBoard>) => r.pages.flatMap((p) => p.boxes.flatMap((b) => (b.kind === 'text' ? [b] : [])));

describe('board layout: fit or fail', () => {
  it('grows the text to fill a board with little on it, up to the template maximum (twice its body size by default)', () => {
    const r = layoutBoard(spec(100), m);
    expect(r.pages).toHaveLength(1);
    expect(r.bodyPt).toBe(72);
    expect(r.overflow).toBeUndefined();
    expect(r.shortened).toBeUndefined();
    expect(texts(r).some((t) => t.text === '甲村党支部党务公开栏')).toBe(true);
    const capped = layoutBoard({ ...spec(100), layout: { ...layout, body_max_pt: 40 } }, m);
    expect(capped.bodyPt).toBe(40);
  });

  it('shrinks the body towards the floor before overflowing, never below it', () => {
    // Column: (1200-40-20)/2 mm ≈ 1616 pt wide, 900-100-60-40 = 700 mm ≈ 1984 pt tall.
    const r = layoutBoard(spec(4500), m);
    expect(r.bodyPt).toBeLessThan(36);
    expect(r.bodyPt).toBeGreaterThanOrEqual(28);
    expect(r.overflow).toBeUndefined();
    for (const t of texts(r)) if (t.face === 'serif') expect(t.size).toBeGreaterThanOrEqual(28);
  });

  it('sets the largest size that fits, spreading the panels over the columns: the sheet is filled', () => {
    // About one and a half columns of text in the first panel at the template size, a line in the second.
    const r = layoutBoard(spec(2300), m);
    expect(r.pages).toHaveLength(1);
    expect(r.bodyPt).toBeGreaterThan(36);
    const cols = boardColumns(spec(2300), m);
    expect(sheetFill(r.pages[0]!, cols).blank).toBeLessThan(0.15);
    // Half a point larger would not fit.
    const bigger = layoutBoard({ ...spec(2300), layout: { ...layout, body_pt: r.bodyPt + 0.5, body_max_pt: r.bodyPt + 0.5 }, bodyMinPt: r.bodyPt + 0.5 }, m);
    expect(bigger.shortened ?? bigger.overflow).toBeDefined();
  });

  it('shortens a board that does not fit at the floor instead of adding sheets: the long text becomes its summary with a QR code, reported', () => {
    const s = spec(12000);
    s.panels[0]!.sections[0]!.entries[0]!.url = 'https://example.cn/units/u/a/';
    s.panels[0]!.sections[0]!.entries[0]!.summary = '本村上半年党费收缴情况的摘要。';
    const r = layoutBoard(s, m);
    expect(r.pages).toHaveLength(1);
    expect(r.overflow).toBeUndefined();
    expect(r.shortened).toEqual([{ entry: 'u/a', action: 'summary' }]);
    const all = texts(r).map((t) => t.text);
    expect(all).toContain('本村上半年党费收缴情况的摘要。');
    expect(all).toContain('扫码查看全文');
    expect(all).toContain('example.cn/units/u/a/');
    expect(r.pages[0]!.boxes.filter((b) => b.kind === 'qr').map((b) => (b.kind === 'qr' ? b.url : ''))).toContain('https://example.cn/units/u/a/');
    // The entry that fits keeps its text.
    expect(all).toContain('短文。');
  });

  it('says across the middle of an empty board that nothing is published yet, in large type', () => {
    const s = {
      ...spec(10),
      panels: [
        { title: '组织建设', sections: [] },
        { title: '其他', sections: [] },
      ],
    };
    const r = layoutBoard(s, m);
    expect(r.pages).toHaveLength(1);
    const notice = texts(r).find((t) => t.text === '本公开栏目前暂无公开内容。')!;
    const cols = boardColumns(s, m);
    const mid = (cols[0]!.x + cols[1]!.x + cols[1]!.w) / 2;
    expect(notice.x + m.width(notice.text, notice.face, notice.size) / 2).toBeCloseTo(mid, 3);
    expect(notice.size).toBeGreaterThanOrEqual(layout.panel_title_pt);
    expect(notice.y).toBeGreaterThan(cols[0]!.y + cols[0]!.h / 3);
    expect(texts(r).some((t) => t.text.includes('组织建设'))).toBe(false);
  });

  it('on a board with continuation sheets, puts what does not fit at the floor on further sheets, dropping nothing', () => {
    const r = layoutBoard({ ...spec(12000), continuation: true }, m);
    expect(r.bodyPt).toBe(28);
    expect(r.pages.length).toBeGreaterThan(1);
    expect(r.overflow!.entries[0]).toBe('u/a');
    expect(r.overflow!.mm).toBeGreaterThan(100);
    const all = texts(r)
      .filter((t) => t.face === 'serif')
      .map((t) => t.text)
      .join('');
    expect(all).toContain('末尾句。');
    expect([...all.matchAll(/党/g)].length).toBeGreaterThanOrEqual(12000);
    expect(texts(r).some((t) => t.text.includes('组织建设（续）'))).toBe(true);
    // Nothing is placed below the footer line or outside the trim box.
    for (const p of r.pages) for (const b of p.boxes) if (b.kind === 'text' && b.face === 'serif') expect(b.y).toBeLessThan(p.height - mm(60));
  });
});

describe('tables, templates and tiles', () => {
  it('sizes table columns by content and never below two characters', () => {
    const w = columnWidths(
      [
        ['月份', '党员人数', '说明'],
        ['1月', '46', '这是一段很长很长很长很长很长很长很长很长很长的说明文字'],
      ],
      300,
      m,
      10,
    );
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(300, 6);
    expect(w[2]!).toBeGreaterThan(w[0]!);
    for (const x of w) expect(x).toBeGreaterThanOrEqual(30);
    // Short columns (names, dates) keep their one-line width; the long texts share the rest.
    const rows = [
      ['问题', '整改措施', '责任人', '时限', '进度'],
      ['活动室面积小', '对原村小学闲置校舍做安全鉴定，研究改造为党员活动室', '李某某', '2026年10月', '鉴定已完成，改造方案拟明年提交审议'],
    ];
    const ws = columnWidths(rows, 600, m, 10);
    expect(ws.reduce((a, b) => a + b, 0)).toBeCloseTo(600, 6);
    const natural = (c: number) => Math.max(...rows.map((r) => m.width(r[c]!, 'serif', 10))) + 10;
    for (const c of [0, 2, 3, 4]) expect(ws[c]).toBeCloseTo(natural(c), 6);
    expect(ws[1]!).toBeLessThan(natural(1));
    // Two long texts that both must wrap share in proportion to their lengths.
    const two = columnWidths(
      [
        ['甲', '乙'],
        ['一'.repeat(60), '二'.repeat(30)],
      ],
      300,
      m,
      10,
    );
    expect(two[0]! / two[1]!).toBeCloseTo(610 / 310, 6);
  });

  it('repeats the header row when a table continues in the next column', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`第${i + 1}行`, String(i)]);
    const pieces = tablePieces(['项目', '数量'], rows, 200, m, { size: 10, lineHeight: 1.3 }, 'u/t');
    const cols = [
      { x: 0, y: 0, w: 200, h: 150 },
      { x: 300, y: 0, w: 200, h: 1000 },
    ];
    const f = flowIntoColumns(pieces, cols);
    expect(f.rest).toHaveLength(0);
    const heads = f.boxes.filter((b) => b.kind === 'text' && b.text === '项目');
    expect(heads.map((b) => (b as { x: number }).x > 250)).toEqual([false, true]);
    const cells = f.boxes.flatMap((b) => (b.kind === 'text' && b.text.startsWith('第') ? [b.text] : []));
    expect(cells).toEqual(rows.map((r) => r[0]));
  });

  it('scales the nearest template for an odd board size, with a warning', () => {
    const t = (name: string, w: number, h: number) => ({ name, kind: 'board' as const, width_mm: w, height_mm: h, unit_kinds: [], layout: {} });
    const templates = new Map([
      ['village', t('村级', 2400, 1200)],
      ['small', t('小型', 1200, 900)],
    ]);
    const board = { id: 'b-x', unit: 'u', template: 'village', location: '村部', width_mm: 800, height_mm: 600 };
    const r = resolveLayout(board, templates);
    expect(r.templateId).toBe('small');
    expect(r.scale).toBeCloseTo(2 / 3, 6);
    expect(r.warning).toContain('800×600');
    expect(resolveLayout({ ...board, width_mm: 2400, height_mm: 1200 }, templates).warning).toBeUndefined();
  });

  it('tiles a poster with a 10 mm overlap and covers it completely', () => {
    const W = mm(2400);
    const H = mm(1200);
    const p = planTiles(W, H, 'A3');
    expect(p.tiles).toHaveLength(p.rows * p.cols);
    const last = p.tiles.at(-1)!;
    expect(last.sx + last.sw).toBeCloseTo(W, 3);
    expect(last.sy + last.sh).toBeCloseTo(H, 3);
    const second = p.tiles.find((t) => t.row === 1 && t.col === 2)!;
    expect(p.tiles[0]!.sx + p.tiles[0]!.sw - second.sx).toBeCloseTo(mm(10), 3);
  });

  it('keeps each tile sheet’s printed area and its 7 pt label at least 8 mm from every edge of the sheet', () => {
    for (const [w, h] of [
      [2400, 1200],
      [800, 600],
      [3600, 2000],
    ] as const)
      for (const sheet of ['A3', 'A4'] as const) {
        const p = planTiles(mm(w), mm(h), sheet);
        for (const t of p.tiles) {
          expect(p.edge + t.sw).toBeLessThanOrEqual(p.width - mm(8) + 1e-6);
          expect(p.edge + t.sh).toBeLessThanOrEqual(p.labelY - 3.5 + 1e-6);
        }
        expect(p.edge).toBeGreaterThanOrEqual(mm(8) - 1e-6);
        expect(p.labelY + 3.5).toBeLessThanOrEqual(p.height - mm(8) + 1e-6);
      }
  });
});

describe('a table row taller than a column (fit or fail)', () => {
  // A two-column table whose second cell is 200 lines long: 16 characters a line, all different.
  const han = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x4e00 + ((from + i) % 2000))).join('');
  const tall = han(200 * 16);
  const width = 200;
  const style = { size: 10, lineHeight: 1.3 };

  it('is cut between lines across columns, each part inside its column, the header repeated, nothing lost', () => {
    const pieces = tablePieces(
      ['事项', '说明'],
      [
        ['甲', '短'],
        ['乙', tall],
        ['丙', '尾'],
      ],
      width,
      m,
      style,
      'u/t',
    );
    const cols = [0, 1, 2].map((i) => ({ x: i * 300, y: 40, w: width, h: 500 }));
    let queue = pieces;
    const sheets: ReturnType<typeof flowIntoColumns>[] = [];
    while (queue.length) {
      const f = flowIntoColumns(queue, cols);
      expect(f.rest.length === queue.length && f.rest[0] === queue[0], 'no progress').toBe(false);
      sheets.push(f);
      queue = f.rest;
    }
    expect(sheets.length).toBeGreaterThan(1);
    for (const f of sheets) {
      expect(outsideColumns(f.boxes, cols, m)).toEqual([]);
      for (const [i, used] of f.used.entries()) expect(used).toBeLessThanOrEqual(cols[i]!.h + 1e-6);
    }
    const all = sheets.flatMap((f) => f.boxes);
    // The long cell's text, read column after column, is the input, whole and in order.
    const second = all.flatMap((b) => (b.kind === 'text' && b.face === 'serif' && b.x % 300 > 20 ? [b.text] : [])).join('');
    expect(second).toBe(`短${tall}尾`);
    expect(all.flatMap((b) => (b.kind === 'text' && b.face === 'serif' && b.x % 300 < 20 ? [b.text] : [])).join('')).toBe('甲乙丙');
    // Every column the row continues into starts with the header row again.
    const columnsUsed = sheets.reduce((n, f) => n + f.used.filter((u) => u > 0).length, 0);
    expect(all.filter((b) => b.kind === 'text' && b.text === '说明')).toHaveLength(columnsUsed);
    for (const f of sheets) {
      for (const [i, c] of cols.entries()) {
        if (!f.used[i]) continue;
        const top = f.boxes
          .filter((b) => b.kind === 'text' && b.x >= c.x && b.x < c.x + c.w)
          .sort((a, b) => (a as { y: number }).y - (b as { y: number }).y)[0];
        expect(top && top.kind === 'text' && top.text).toBe('事项');
      }
    }
  });

  it('on a board: continuation sheets, every box inside its column, all the text present', () => {
    const s = spec(10);
    const row = ['长行', tall.repeat(4)];
    s.panels[0]!.sections[0]!.entries.push({
      id: 'u/tall',
      title: '一行很长的表格',
      meta: '',
      blocks: [{ kind: 'table', header: ['项目', '内容'], rows: [['前', '一'], row, ['后', '二']] }],
    });
    const r = layoutBoard({ ...s, continuation: true }, m);
    expect(r.pages.length).toBeGreaterThan(1);
    expect(r.overflow!.entries).toContain('u/tall');
    const cols = boardColumns(s, m);
    const n = boardFurniture(s, m, s.title).length;
    for (const p of r.pages) expect(outsideColumns(p.boxes.slice(n), cols, m)).toEqual([]);
    const text = solid(
      texts(r)
        .filter((t) => t.face === 'serif')
        .map((t) => t.text)
        .join(''),
    );
    for (const part of [tall, '长行', '前', '后', '一', '二']) expect(text).toContain(part.length > 100 ? part.slice(0, 50) : part);
    // The 12,800 characters of the long cell are all there, in order.
    expect(text).toContain(tall.repeat(4));
  });

  it('reports a piece that fits no empty column instead of drawing it outside', () => {
    const s = spec(10);
    // A title line taller than the whole column: 56 cm type in a column 70 cm high.
    s.bodyMinPt = 1600;
    expect(() => layoutBoard(s, m)).toThrow(/比一整栏还大/);
  });
});
