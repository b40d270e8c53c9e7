/**
 * The frame of a board sheet: its geometry, the red header band with “<unit>党务公开栏”, the
 * footer (监督电话, publishing body, date, web address, QR code) and the content columns
 * between them. The footer's text is never set below the legibility floor: when its lines
 * need more room than the template's footer height, the footer grows and the columns give
 * way — a supervision phone number too small to read defeats its purpose.
 */
import { mm, WHITE, type Box } from './boxes.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT, type Column, type Piece } from './flow.ts';
import type { Measurer } from './measurer.ts';
import type { BoardLayout } from './template-layout.ts';

/** What the frame needs of a board. */
export interface FrameSpec {
  widthMm: number;
  heightMm: number;
  title: string;
  layout: BoardLayout;
  scale: number;
  footer: readonly string[];
  qrUrl: string;
  /** The release mark, set small to the QR code's left for an inspector reading it up close. */
  releaseMark?: string;
  bodyMinPt: number;
  bleedPt: number;
}

export interface Frame {
  width: number;
  height: number;
  margin: number;
  gutter: number;
  headerH: number;
  footerH: number;
  /** The header title's size after fitting the sheet's width. */
  titlePt: number;
  footerPt: number;
  footerLines: string[];
  /** The width the footer's lines are set in, left of the QR code. */
  footerTextW: number;
  /** The QR code's side: the template's, or — in a footer grown to fill a board — nearly the footer's height. */
  qr: number;
  /** The release mark's size (points) and width; 0 without a mark. */
  markPt: number;
  markW: number;
}

const FOOTER_LEADING = 1.4;
/** Between footer items on one line. */
const ITEM_GAP = '　　';

/** Footer items on as few lines as fit `width`, separated by wide spaces; an item too long for a line is broken. */
function footerLines(items: readonly string[], width: number, m: Measurer, size: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.at(-1);
    if (last !== undefined && m.width(`${last}${ITEM_GAP}${item}`, 'sans', size) <= width) lines[lines.length - 1] = `${last}${ITEM_GAP}${item}`;
    else lines.push(...breakLines(item, m, { face: 'sans', size, width, justify: false }).map((l) => l.text));
  }
  return lines;
}

const qrSide = (s: FrameSpec, footerH: number) => Math.min(mm(s.layout.footer.qr_mm * s.scale), footerH);

/**
 * The release mark is for an inspector at arm's length, not for the reader at 1–2 m: small
 * (about 4 mm high on a full-size board), but never under 8 pt. It takes its own strip left of
 * the QR code, so the footer's items never run into it.
 */
const markSize = (s: FrameSpec): number => (s.releaseMark ? Math.max(8, s.layout.footer.text_pt * s.scale * 0.4) : 0);
const markWidth = (s: FrameSpec, m: Measurer): number => (s.releaseMark ? m.width(s.releaseMark, 'sans', markSize(s)) + mm(3 * s.scale) : 0);

/**
 * The sheet's frame. `grownFooterPt`, larger than the template's footer size, sets the footer's
 * text that large (a board whose body is at its largest size, with room to spare: the supervision
 * phone as large as the body text) and lets the QR code grow with the footer.
 */
export function boardFrame(s: FrameSpec, m: Measurer, grownFooterPt?: number): Frame {
  const k = s.scale;
  const L = s.layout;
  const width = mm(s.widthMm);
  const margin = mm(L.margin_mm * k);
  const maxW = width - 2 * margin;
  const natural = m.width(s.title, 'sans-bold', L.header.title_pt * k);
  const titlePt = L.header.title_pt * k * Math.min(1, maxW / natural);
  // The footer text shrinks to the template's footer height, but never below the floor: then the footer grows.
  let footerH = mm(L.footer.height_mm * k);
  const markW = markWidth(s, m);
  const textW = maxW - qrSide(s, footerH) - mm(10 * k) - markW;
  let footerPt = L.footer.text_pt * k;
  let lines = footerLines(s.footer, textW, m, footerPt);
  while (lines.length * footerPt * FOOTER_LEADING > footerH && footerPt * 0.9 >= s.bodyMinPt) lines = footerLines(s.footer, textW, m, (footerPt *= 0.9));
  footerPt = Math.max(footerPt, s.bodyMinPt);
  lines = footerLines(s.footer, textW, m, footerPt);
  footerH = Math.max(footerH, lines.length * footerPt * FOOTER_LEADING + footerPt);
  let qr = qrSide(s, footerH);
  let textWidth = textW;
  if (grownFooterPt !== undefined && grownFooterPt > footerPt) {
    footerPt = grownFooterPt;
    lines = footerLines(s.footer, textWidth, m, footerPt);
    footerH = Math.max(footerH, lines.length * footerPt * FOOTER_LEADING + footerPt);
    // The code grows with the footer; the text then takes the width left beside it.
    qr = Math.max(qr, Math.min(footerH - footerPt * 0.6, maxW / 4));
    textWidth = maxW - qr - mm(10 * k) - markW;
    lines = footerLines(s.footer, textWidth, m, footerPt);
    footerH = Math.max(footerH, lines.length * footerPt * FOOTER_LEADING + footerPt);
  }
  return {
    width,
    height: mm(s.heightMm),
    margin,
    gutter: mm(L.gutter_mm * k),
    headerH: mm(L.header.height_mm * k),
    footerH,
    titlePt,
    footerPt,
    footerLines: lines,
    footerTextW: textWidth,
    qr,
    markPt: markSize(s),
    markW,
  };
}

/** `n` equal content columns between header and footer, in points from the trim's top-left. */
export function frameColumns(g: Frame, n: number): Column[] {
  const bodyW = g.width - 2 * g.margin;
  const w = (bodyW - (n - 1) * g.gutter) / n;
  const y = g.headerH + g.margin;
  const h = g.height - g.footerH - g.margin - y;
  return Array.from({ length: n }, (_, i) => ({ x: g.margin + i * (w + g.gutter), y, w, h }));
}

/** Header band and footer, the same on every sheet of a board but for the title. */
export function frameBoxes(s: FrameSpec, g: Frame, m: Measurer, title: string): Box[] {
  const k = s.scale;
  const L = s.layout;
  const b = s.bleedPt;
  const boxes: Box[] = [{ kind: 'rect', x: -b, y: -b, w: g.width + 2 * b, h: g.headerH + b, fill: L.header.color }];
  const maxW = g.width - 2 * g.margin;
  const size = Math.min(g.titlePt, (L.header.title_pt * k * maxW) / m.width(title, 'sans-bold', L.header.title_pt * k));
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
  const qr = g.qr;
  boxes.push({ kind: 'qr', x: g.width - g.margin - qr, y: fy + (g.footerH - qr) / 2, size: qr, url: s.qrUrl });
  if (s.releaseMark) {
    // Right-aligned against the code, on the line of its lower edge: read together with it. Small text in K100 only, as prepress wants.
    const w = m.width(s.releaseMark, 'sans', g.markPt);
    const x = g.width - g.margin - qr - mm(2 * k) - w;
    const y = fy + (g.footerH + qr) / 2 - g.markPt * (1 - EM_ASCENT);
    boxes.push({ kind: 'text', x, y, text: s.releaseMark, face: 'sans', size: g.markPt, spacing: 0, color: [0, 0, 0, 100], inspector: true });
  }
  const fs = g.footerPt;
  const lh = fs * FOOTER_LEADING;
  const top = fy + (g.footerH - g.footerLines.length * lh) / 2;
  g.footerLines.forEach((t, i) => {
    // The items of a line are spread over the footer's width, as on a sign, not bunched at its left.
    const items = t.split(ITEM_GAP);
    const widths = items.map((x) => m.width(x, 'sans', fs));
    const gap = items.length > 1 ? Math.max(m.width(ITEM_GAP, 'sans', fs), (g.footerTextW - widths.reduce((a, w) => a + w, 0)) / (items.length - 1)) : 0;
    let x = g.margin;
    items.forEach((text, j) => {
      boxes.push({ kind: 'text', x, y: top + i * lh + (lh - fs) / 2 + EM_ASCENT * fs, text, face: 'sans', size: fs, spacing: 0, color: [0, 0, 0, 85] });
      x += widths[j]! + gap;
    });
  });
  return boxes;
}

/** A panel's title bar (several lines if the title is wider than the column); kept with what follows. */
export function panelTitle(title: string, width: number, m: Measurer, size: number, color: BoardLayout['header']['color']): Piece {
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
