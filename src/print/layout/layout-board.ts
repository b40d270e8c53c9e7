/**
 * The board layout engine: pure (no pdfkit, no files), given a Measurer. A red header band
 * with “<unit>党务公开栏”, as many columns as the template has panels — each panel (栏目) opens
 * with its title bar and holds its aspects' sections, and the panels flow through the columns in
 * order — and a footer with 监督电话, publishing body, date and a QR code.
 *
 * Fit or fail: the body size is the largest from the template's size down to the legibility
 * floor at which everything fits; below the floor it never goes. What still does not fit is
 * neither clipped nor dropped: it continues on continuation sheets (more pages of the same
 * size), and the result names the entries and by how much the board overflowed.
 */
import { ContentError } from '../../errors.ts';
import { mm, toMm, WHITE, type Box, type LaidPage } from './boxes.ts';
import { entryPieces, type EntryContent } from './entry-pieces.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT, flowFrom, headerFor, textPieces, type Column, type FlowCursor, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';
import type { BoardLayout } from './template-layout.ts';

export interface PanelContent {
  title: string;
  sections: { heading: string; entries: EntryContent[] }[];
}

export interface BoardSpec {
  widthMm: number;
  heightMm: number;
  title: string;
  layout: BoardLayout;
  scale: number;
  panels: PanelContent[];
  /** Footer text, in reading order (监督电话, 发布单位, 日期…). */
  footer: string[];
  qrUrl: string;
  bodyMinPt: number;
  /** The header band runs into the bleed on three sides. */
  bleedPt: number;
}

export interface Overflow {
  entries: string[];
  /** Height of the content that did not fit on the first sheet, at the floor size. */
  mm: number;
}

export interface BoardResult {
  pages: LaidPage[];
  bodyPt: number;
  overflow?: Overflow;
}

interface Geometry {
  width: number;
  height: number;
  margin: number;
  gutter: number;
  headerH: number;
  footerH: number;
}

function geometry(s: BoardSpec): Geometry {
  const k = s.scale;
  return {
    width: mm(s.widthMm),
    height: mm(s.heightMm),
    margin: mm(s.layout.margin_mm * k),
    gutter: mm(s.layout.gutter_mm * k),
    headerH: mm(s.layout.header.height_mm * k),
    footerH: mm(s.layout.footer.height_mm * k),
  };
}

function columns(g: Geometry, n: number, top: number): Column[] {
  const bodyW = g.width - 2 * g.margin;
  const w = (bodyW - (n - 1) * g.gutter) / n;
  const y = g.headerH + g.margin + top;
  const h = g.height - g.footerH - g.margin - y;
  return Array.from({ length: n }, (_, i) => ({ x: g.margin + i * (w + g.gutter), y, w, h }));
}

/** The content columns of every sheet of a board, in points from the trim's top-left. */
export function boardColumns(s: BoardSpec): Column[] {
  return columns(geometry(s), s.panels.length, 0);
}

/** Footer items on as few lines as fit `width`, separated by wide spaces; an item too long for a line is broken. */
function footerLines(items: readonly string[], width: number, m: Measurer, size: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && m.width(`${last}　　${item}`, 'sans', size) <= width) lines[lines.length - 1] = `${last}　　${item}`;
    else lines.push(...breakLines(item, m, { face: 'sans', size, width, justify: false }).map((l) => l.text));
  }
  return lines;
}

/** The header band and footer of a sheet titled `title`: the first boxes of each of its pages. */
export function boardFurniture(s: BoardSpec, m: Measurer, title: string): Box[] {
  return furniture(s, geometry(s), m, title);
}

/** Header band and footer: the same on every sheet of a board. */
function furniture(s: BoardSpec, g: Geometry, m: Measurer, title: string): Box[] {
  const k = s.scale;
  const L = s.layout;
  const b = s.bleedPt;
  const boxes: Box[] = [{ kind: 'rect', x: -b, y: -b, w: g.width + 2 * b, h: g.headerH + b, fill: L.header.color }];
  let size = L.header.title_pt * k;
  const maxW = g.width - 2 * g.margin;
  const natural = m.width(title, 'sans-bold', size);
  if (natural > maxW) size *= maxW / natural;
  const tw = m.width(title, 'sans-bold', size);
  // Titles on boards are spaced out a little, as painted boards are.
  const n = [...title].length;
  const spacing = Math.min(size * 0.15, (maxW - tw) / Math.max(1, n - 1));
  const full = tw + spacing * (n - 1);
  boxes.push({
    kind: 'text',
    x: (g.width - full) / 2,
    y: (g.headerH - size) / 2 + EM_ASCENT * size,
    text: title,
    face: 'sans-bold',
    size,
    spacing,
    color: WHITE,
  });

  const fy = g.height - g.footerH;
  boxes.push({ kind: 'line', x1: g.margin, y1: fy, x2: g.width - g.margin, y2: fy, color: L.header.color, width: Math.max(1, mm(1.5 * k)) });
  // The QR code and the footer text stay inside the footer, whatever the template says.
  const qr = Math.min(mm(L.footer.qr_mm * k), g.footerH);
  const qrGap = mm(10 * k);
  boxes.push({ kind: 'qr', x: g.width - g.margin - qr, y: fy + (g.footerH - qr) / 2, size: qr, url: s.qrUrl });
  const textW = g.width - 2 * g.margin - qr - qrGap;
  let fs = L.footer.text_pt * k;
  let lines = footerLines(s.footer, textW, m, fs);
  while (lines.length * fs * 1.4 > g.footerH && fs > 1) lines = footerLines(s.footer, textW, m, (fs *= 0.9));
  const lh = fs * 1.4;
  const top = fy + (g.footerH - lines.length * lh) / 2;
  lines.forEach((t, i) =>
    boxes.push({
      kind: 'text',
      x: g.margin,
      y: top + i * lh + (lh - fs) / 2 + EM_ASCENT * fs,
      text: t,
      face: 'sans',
      size: fs,
      spacing: 0,
      color: [0, 0, 0, 85],
    }),
  );
  return boxes;
}

/** A panel's title bar (several lines if the title is wider than the column); kept with what follows. */
function panelTitle(title: string, width: number, m: Measurer, size: number, color: BoardLayout['header']['color']): Piece {
  const lines = breakLines(title, m, { face: 'sans-bold', size, width: width - size, justify: false });
  const lh = size * 1.3;
  const h = size * 1.7 + (lines.length - 1) * lh;
  return {
    h: h + size * 0.4,
    entry: '',
    keepWithNext: true,
    boxes: [
      { kind: 'rect', x: 0, y: 0, w: width, h, fill: color },
      ...lines.map((l, i): Box => ({
        kind: 'text',
        x: (width - l.width) / 2,
        y: size * 0.35 + i * lh + EM_ASCENT * size,
        text: l.text,
        face: 'sans-bold',
        size,
        spacing: 0,
        color: WHITE,
      })),
    ],
  };
}

function panelPieces(p: PanelContent, width: number, m: Measurer, s: BoardSpec, body: number): Piece[] {
  const L = s.layout;
  const r = body / L.body_pt;
  const sizes = {
    title: Math.max(body, L.entry_title_pt * r),
    heading: Math.max(body, L.heading_pt * r),
    body,
    meta: Math.max(s.bodyMinPt * 0.8, L.meta_pt * r),
    lineHeight: L.line_height,
  };
  const colH = mm(s.heightMm) - mm((L.header.height_mm + L.footer.height_mm + 2 * L.margin_mm) * s.scale);
  const out: Piece[] = [];
  for (const sec of p.sections) {
    if (sec.entries.length === 0) continue;
    if (p.sections.length > 1)
      out.push(
        ...textPieces(
          `■ ${sec.heading}`,
          width,
          m,
          { face: 'sans-bold', size: sizes.heading, lineHeight: 1.5, justify: false, color: L.header.color },
          '',
          true,
        ),
      );
    for (const e of sec.entries) out.push(...entryPieces(e, width, m, sizes, colH * 0.5));
  }
  if (out.length === 0)
    out.push(
      ...textPieces('本栏目暂无公开内容。', width, m, { face: 'serif', size: body, lineHeight: L.line_height, justify: false, color: [0, 0, 0, 55] }, ''),
    );
  return out;
}

const height = (ps: readonly Piece[]) => ps.reduce((a, p) => a + p.h, 0);

/** A piece with the panel it belongs to; `title` marks a panel's title bar. */
interface Item {
  piece: Piece;
  panel: number;
  title: boolean;
}

/** The items from `at` on: what did not fit (the first may be the rest of a split piece). */
function itemsFrom(content: readonly Item[], at: FlowCursor): Item[] {
  const rest = content.slice(at.index);
  return at.carry && rest[0] ? [{ ...rest[0], piece: at.carry }, ...rest.slice(1)] : rest;
}

/**
 * Content that fits would fill the first columns and leave the last ones empty; spread it
 * over all of them instead, with the shortest column height that still holds everything.
 */
function balanced(pieces: readonly Piece[], cols: readonly Column[]): ReturnType<typeof flowFrom> {
  const at = (h: number) =>
    flowFrom(
      pieces.length,
      (j) => pieces[j]!,
      cols.map((c) => ({ ...c, h })),
      { index: 0 },
    );
  let best = at(cols[0]!.h);
  let lo = Math.min(cols[0]!.h, height(pieces.filter((p) => !p.spacer)) / cols.length);
  let hi = cols[0]!.h;
  // A dozen halvings place the column ends to within a few points on any board.
  for (let k = 0; k < 12 && hi - lo > 1; k++) {
    const mid = (lo + hi) / 2;
    const f = at(mid);
    if (f.next.index >= pieces.length) {
      best = f;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

export function layoutBoard(s: BoardSpec, m: Measurer): BoardResult {
  const g = geometry(s);
  const L = s.layout;
  const titleSize = L.panel_title_pt * s.scale;
  // One column per panel; panels flow on through the columns in template order, so a long
  // panel uses the room a short one leaves instead of overflowing beside an empty column.
  const cols = columns(g, s.panels.length, 0);
  const w = cols[0]!.w;
  const start = Math.max(s.bodyMinPt, Math.round(L.body_pt * s.scale));
  // Try sizes from the template's down to the floor, in 2 pt steps; the first that fits wins.
  let body = start;
  let content: Item[] = [];
  let flow: ReturnType<typeof flowFrom>;
  for (;;) {
    content = s.panels.flatMap((p, i) =>
      [panelTitle(p.title, w, m, titleSize, L.header.color), ...panelPieces(p, w, m, s, body)].map((piece, j) => ({ piece, panel: i, title: j === 0 })),
    );
    flow = flowFrom(content.length, (j) => content[j]!.piece, cols, { index: 0 });
    if (flow.next.index >= content.length || body <= s.bodyMinPt) break;
    body = Math.max(s.bodyMinPt, body - 2);
  }
  if (flow.next.index >= content.length)
    flow = balanced(
      content.map((c) => c.piece),
      cols,
    );
  const first: LaidPage = { width: g.width, height: g.height, boxes: [...furniture(s, g, m, s.title), ...flow.boxes] };
  let at = flow.next;
  if (at.index >= content.length) return { pages: [first], bodyPt: body };

  const left = itemsFrom(content, at);
  const overflow: Overflow = {
    entries: [...new Set(left.map((r) => r.piece.entry).filter(Boolean))],
    mm: Math.round(toMm(height(left.map((r) => r.piece).filter((p) => !p.spacer)))),
  };
  const pages = [first];
  while (at.index < content.length) {
    // Continuation sheets: what is left, under “<panel>（续）” when it starts inside a panel,
    // and a table cut there gets its header row again under that title.
    const head = content[at.index]!;
    const headPiece = at.carry ?? head.piece;
    const lead: Piece[] = [];
    if (!head.title || at.carry) {
      lead.push(panelTitle(`${s.panels[head.panel]!.title}（续）`, w, m, titleSize, L.header.color));
      const header = headerFor(headPiece, cols[0]!);
      if (header) lead.push({ ...header, keepWithNext: true });
    }
    // The sheet's sequence: the lead pieces, then the content from where the last sheet stopped.
    const base = at.index - lead.length;
    const get = (j: number) => (j < at.index ? lead[j - base]! : j === at.index ? headPiece : content[j]!.piece);
    const f = flowFrom(content.length, get, cols, { index: base });
    // Stopped at the same piece without cutting it again: it is still what is left of it.
    const next: FlowCursor = f.next.index === at.index && !f.next.carry && at.carry ? { index: at.index, carry: at.carry } : f.next;
    // Nothing of the content placed: a piece bigger than a whole empty column. Never draw it outside; say so.
    if (next.index < at.index || (next.index === at.index && (next.carry ?? head.piece) === headPiece)) {
      throw new ContentError(
        `公开栏“${s.title}”${headPiece.entry ? `的条目 ${headPiece.entry} ` : ''}有一块内容比一整栏还大，在最小字号下也排不下，无法排版。请拆分这块内容（如过长的表格行）或调整模板的栏宽、字号。`,
      );
    }
    pages.push({ width: g.width, height: g.height, boxes: [...furniture(s, g, m, `${s.title}（续${pages.length}）`), ...f.boxes] });
    at = next;
  }
  return { pages, bodyPt: body, overflow };
}
