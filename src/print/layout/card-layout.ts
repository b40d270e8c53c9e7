/**
 * The household card (明白卡) layout: pure, given a Measurer. Both faces open with a band in
 * the template colour running into the bleed. The front names the unit and lists its current
 * key disclosures, one short labelled line each (a line may wrap, hanging under its label);
 * the back tells how to raise a 点题 request, whom to call, where and when, with the
 * supervision phone, a QR code to the unit's page and the publishing body and date.
 *
 * Fit or fail: the body size is the largest from the template's size down to the legibility
 * floor at which a face fits; nothing is ever set below the floor. What does not fit at the
 * floor is not clipped: the result names every front entry and back item left off, for the
 * build output and the manifest.
 */
import type { CardLayout } from '../../domain/schema/template.ts';
import { BLACK, mm, WHITE, type Box, type Cmyk, type LaidPage } from './boxes.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT, flowIntoColumns, textPieces, type Column, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';

export interface CardLine {
  /** The entry id, or for the back the item's label. */
  id: string;
  label: string;
  text: string;
}

export interface CardSpec {
  widthMm: number;
  heightMm: number;
  layout: CardLayout;
  unitName: string;
  /** The front's disclosures, in priority order. */
  lines: CardLine[];
  backTitle: string;
  /** The back's labelled items (channels, reply time, phone, address, hours, supervision phone). */
  back: CardLine[];
  /** Publishing body and date, at the foot of the back. */
  footer: string;
  qrUrl: string;
  qrCaption: string;
  bodyMinPt: number;
  bleedPt: number;
}

export interface CardOverflow {
  /** Front entries left off at the floor size. */
  entries: string[];
  /** Back items (by label) left off at the floor size. */
  back: string[];
}

export interface CardResult {
  front: LaidPage;
  back: LaidPage;
  /** The smaller of the two faces' body sizes. */
  bodyPt: number;
  overflow?: CardOverflow;
}

export const CARD_SUBTITLE = '党务公开明白卡';
const EMPTY_FRONT = '目前没有可以印在卡上的公开内容，请扫描背面的二维码查看。';
/**
 * Prepress rules for small type: text under 12 pt prints in solid black only (K100) — a tint or
 * a second colour is screened or must register, and small strokes come out ragged — and no type
 * under 10 pt is reversed (white) out of a colour band of more than one ink.
 */
export const SOLID_BLACK_BELOW_PT = 12;
export const REVERSED_MIN_PT = 10;
/** The colour a text of `size` may print in: `wanted` at 12 pt and above, solid black below. */
export const textInk = (size: number, wanted: Cmyk): Cmyk => (size < SOLID_BLACK_BELOW_PT ? BLACK : wanted);
/** Body sizes are tried in these steps, from the template's size down to the floor. */
const STEP = 0.5;
/** Grey for small print on a large card (12 pt and above): never for text under 12 pt (textInk). */
const GREY: Cmyk = [0, 0, 0, 60];

/** Largest size ≤ `from`, not below `floor`, at which `text` fits on one line; else the floor. */
function fitOneLine(text: string, width: number, m: Measurer, from: number, floor: number): number {
  let size = Math.max(from, floor);
  while (size > floor && m.width(text, 'sans-bold', size) > width) size = Math.max(floor, size - STEP);
  return size;
}

/** The coloured band across the top (into the bleed on three sides), with centred lines. */
function band(rows: { text: string; size: number; face: 'sans' | 'sans-bold' }[], W: number, m: Measurer, s: CardSpec): { boxes: Box[]; h: number } {
  const pad = mm(Math.min(2.2, s.layout.margin_mm * 0.6));
  const b = s.bleedPt;
  const texts: Box[] = [];
  // The band's colour runs into the bleed, but its text keeps the card's safe margin from the trim.
  let y = Math.max(pad, mm(s.layout.margin_mm));
  const maxW = W - 2 * mm(s.layout.margin_mm);
  for (const row of rows) {
    for (const l of breakLines(row.text, m, { face: row.face, size: row.size, width: maxW, justify: false })) {
      const lh = row.size * 1.25;
      texts.push({
        kind: 'text',
        x: (W - l.width) / 2,
        y: y + (lh - row.size) / 2 + EM_ASCENT * row.size,
        text: l.text,
        face: row.face,
        size: row.size,
        spacing: 0,
        color: WHITE,
      });
      y += lh;
    }
  }
  const h = y + pad * 0.8;
  return { boxes: [{ kind: 'rect', x: -b, y: -b, w: W + 2 * b, h: h + b, fill: s.layout.color }, ...texts], h };
}

/** One labelled item: the label in the template colour, the text hanging beside it; never split. */
function labelled(line: CardLine, width: number, hang: number, m: Measurer, size: number, lh: number, color: Cmyk, strong: boolean, lead: number): Piece[] {
  // Ragged right: a short list reads better unstretched than justified.
  const pieces = textPieces(line.text, width, m, { face: strong ? 'sans-bold' : 'sans', size, lineHeight: lh, hang, justify: false, color: BLACK }, line.id);
  const first = pieces[0];
  // The label is drawn before its text, so the file reads "label text" in order (readers and the leak scan read the content stream in drawing order).
  if (first)
    first.boxes.unshift({
      kind: 'text',
      x: 0,
      y: (first.boxes[0] as { y: number }).y,
      text: line.label,
      face: 'sans-bold',
      size,
      spacing: 0,
      color: textInk(size, color),
    });
  return pieces.map((p, i) => (i < pieces.length - 1 ? { ...p, keepWithNext: true } : { ...p, h: p.h + lead }));
}

interface Fitted {
  boxes: Box[];
  size: number;
  left: string[];
}

/**
 * Flows labelled lines into the columns at the largest size that fits. At the floor, the
 * longest run of lines (in priority order) that fits is kept and the rest is returned by id —
 * whole lines only, so nothing is ever cut off at the card's edge. The hang is the widest
 * label, so the texts align.
 */
function fitLines(lines: readonly CardLine[], cols: readonly Column[], m: Measurer, s: CardSpec, strongLast: boolean): Fitted {
  const L = s.layout;
  // Lines fill the columns in order, each broken at the width of the column it lands in; a
  // line is never split between columns (its pieces are kept together).
  const attempt = (size: number, list: readonly CardLine[], lead = 0) => {
    const hang = Math.max(0, ...lines.map((l) => m.width(l.label, 'sans-bold', size))) + size * 0.6;
    const boxes: Box[] = [];
    let remaining = list;
    let fits = true;
    let used = 0;
    for (const col of cols) {
      if (!remaining.length) break;
      const flow = flowIntoColumns(
        remaining.flatMap((l) => labelled(l, col.w, hang, m, size, L.line_height, L.color, strongLast && l === lines.at(-1), lead)),
        [col],
      );
      // The flow puts a piece at the top of a column even when it is taller than the column; that is no fit here.
      used = flow.used[0] ?? 0;
      if (used > col.h + 1e-6) fits = false;
      boxes.push(...flow.boxes);
      const left = new Set(flow.rest.map((p) => p.entry));
      remaining = remaining.filter((l) => left.has(l.id));
    }
    return { boxes, fits: fits && remaining.length === 0, used };
  };
  for (let size = Math.max(L.body_pt, s.bodyMinPt); ; size = Math.max(s.bodyMinPt, size - STEP)) {
    const a = attempt(size, lines);
    if (a.fits) {
      // A single column with room to spare (a large card) spreads its lines a little, up to half a line apart.
      const lead = cols.length === 1 && lines.length > 1 ? Math.min(size * 0.5, (cols[0]!.h - a.used) / lines.length) : 0;
      const spread = lead > 0.5 ? attempt(size, lines, lead) : undefined;
      return { boxes: spread?.fits ? spread.boxes : a.boxes, size, left: [] };
    }
    if (size > s.bodyMinPt) continue;
    for (let k = lines.length - 1; k >= 0; k--) {
      const p = attempt(size, lines.slice(0, k));
      if (p.fits) return { boxes: p.boxes, size, left: lines.slice(k).map((l) => l.id) };
    }
    return { boxes: [], size, left: lines.map((l) => l.id) };
  }
}

function front(s: CardSpec, m: Measurer): { page: LaidPage; size: number; left: string[] } {
  const W = mm(s.widthMm);
  const H = mm(s.heightMm);
  const M = mm(s.layout.margin_mm);
  // White out of the band: never under REVERSED_MIN_PT (a long name then takes two lines).
  const reversedMin = Math.max(s.bodyMinPt, REVERSED_MIN_PT);
  const nameSize = fitOneLine(s.unitName, W - 2 * M, m, s.layout.name_pt, reversedMin);
  const top = band(
    [
      { text: s.unitName, size: nameSize, face: 'sans-bold' },
      { text: CARD_SUBTITLE, size: Math.max(reversedMin, s.layout.name_pt * 0.55), face: 'sans' },
    ],
    W,
    m,
    s,
  );
  const y = top.h + mm(2);
  const column = { x: M, y, w: W - 2 * M, h: H - M - y };
  const fitted = fitLines(s.lines, [column], m, s, false);
  // A card without current disclosures still says where to find them.
  const none = s.lines.length
    ? []
    : flowIntoColumns(
        textPieces(
          EMPTY_FRONT,
          column.w,
          m,
          { face: 'sans', size: s.bodyMinPt, lineHeight: s.layout.line_height, justify: false, color: textInk(s.bodyMinPt, GREY) },
          '',
        ),
        [column],
      ).boxes;
  return { page: { width: W, height: H, boxes: [...top.boxes, ...fitted.boxes, ...none] }, size: fitted.size, left: fitted.left };
}

function back(s: CardSpec, m: Measurer): { page: LaidPage; size: number; left: string[] } {
  const W = mm(s.widthMm);
  const H = mm(s.heightMm);
  const M = mm(s.layout.margin_mm);
  const floor = s.bodyMinPt;
  // Small print (caption, footer) grows with the template's body size on larger cards.
  const small = Math.max(floor, s.layout.body_pt * 0.75);
  const titleSize = fitOneLine(s.backTitle, W - 2 * M, m, Math.max(s.layout.name_pt * 0.85, REVERSED_MIN_PT), Math.max(floor, REVERSED_MIN_PT));
  const top = band([{ text: s.backTitle, size: titleSize, face: 'sans-bold' }], W, m, s);
  const boxes: Box[] = [...top.boxes];
  // Footer: publishing body and date, at the small size, on as few lines as it needs.
  const foot = breakLines(s.footer, m, { face: 'sans', size: small, width: W - 2 * M, justify: false });
  const flh = small * 1.3;
  const footTop = H - M - foot.length * flh;
  foot.forEach((l, i) =>
    boxes.push({
      kind: 'text',
      x: M,
      y: footTop + i * flh + (flh - small) / 2 + EM_ASCENT * small,
      text: l.text,
      face: 'sans',
      size: small,
      spacing: 0,
      color: textInk(small, GREY),
    }),
  );
  // QR code at the right, its caption under it; the items flow beside it, then below it.
  const qr = Math.min(mm(s.layout.qr_mm), footTop - top.h - mm(2) - small * 1.4);
  const y = top.h + mm(2);
  const qrX = W - M - qr;
  boxes.push({ kind: 'qr', x: qrX, y, size: qr, url: s.qrUrl });
  // As wide as the code, so centred under it the caption keeps the safe margin too.
  const cap = breakLines(s.qrCaption, m, { face: 'sans', size: small, width: qr, justify: false });
  cap.forEach((l, i) =>
    boxes.push({
      kind: 'text',
      x: qrX + (qr - l.width) / 2,
      y: y + qr + i * small * 1.25 + EM_ASCENT * small,
      text: l.text,
      face: 'sans',
      size: small,
      spacing: 0,
      color: textInk(small, GREY),
    }),
  );
  const besideH = qr + cap.length * small * 1.25;
  const columns: Column[] = [
    { x: M, y, w: qrX - mm(2.5) - M, h: besideH },
    { x: M, y: y + besideH, w: W - 2 * M, h: Math.max(0, footTop - mm(1) - y - besideH) },
  ];
  const fitted = fitLines(s.back, columns, m, s, true);
  boxes.push(...fitted.boxes);
  return { page: { width: W, height: H, boxes }, size: fitted.size, left: fitted.left };
}

export function layoutCard(s: CardSpec, m: Measurer): CardResult {
  const f = front(s, m);
  const b = back(s, m);
  const overflow = f.left.length || b.left.length ? { entries: f.left, back: b.left } : undefined;
  return { front: f.page, back: b.page, bodyPt: Math.min(f.size, b.size), ...(overflow ? { overflow } : {}) };
}
