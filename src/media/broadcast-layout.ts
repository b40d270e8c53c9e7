/**
 * The broadcast script as A4 pages for the person at the microphone: large serif type with
 * wide line spacing (read aloud, not skimmed), each item its own paragraph, and the reading
 * time at the top. The page footer is in words too, so nothing on the sheet is a numeral.
 */
import { BLACK, mm, type Cmyk, type LaidPage } from '../print/layout/boxes.ts';
import { flowFrom, spacer, textPieces, type FlowCursor, type Piece } from '../print/layout/flow.ts';
import type { Measurer } from '../print/layout/measurer.ts';
import type { BroadcastScript } from './broadcast.ts';
import { spokenCount, spokenNumber } from './speech.ts';

const A4 = { w: mm(210), h: mm(297) };
const MARGIN = mm(22);
const BODY = 15;
const GREY: Cmyk = [0, 0, 0, 65];

export function layoutBroadcast(s: BroadcastScript, m: Measurer): LaidPage[] {
  const width = A4.w - 2 * MARGIN;
  const body = (text: string, keep = false): Piece[] => [
    ...textPieces(text, width, m, { face: 'serif', size: BODY, lineHeight: 1.8, indent: 2 * BODY }, 'script', keep),
    spacer(BODY * 0.6),
  ];
  const pieces: Piece[] = [
    ...textPieces(s.title, width, m, { face: 'sans-bold', size: 20, lineHeight: 1.4, justify: false }, 'script', true),
    ...textPieces(s.note, width, m, { face: 'sans', size: 11, lineHeight: 1.5, justify: false, color: GREY }, 'script', true),
    spacer(BODY),
    ...body(s.opening),
    ...s.sections.flatMap((sec) => [
      ...textPieces(`${sec.heading}。`, width, m, { face: 'sans-bold', size: BODY, lineHeight: 1.8, justify: false }, 'script', true),
      ...(sec.items.length ? sec.items.flatMap((i) => body(i.text)) : body(sec.empty)),
    ]),
    ...body(s.closing),
  ];
  const col = { x: MARGIN, y: MARGIN, w: width, h: A4.h - 2 * MARGIN - mm(8) };
  const flows: LaidPage['boxes'][] = [];
  let at: FlowCursor = { index: 0 };
  while (at.index < pieces.length) {
    const f = flowFrom(pieces.length, (j) => pieces[j]!, [col], at);
    if (f.next.index === at.index && !f.next.carry && f.used[0] === 0) throw new Error('broadcast script: a piece taller than a page');
    flows.push(f.boxes);
    at = f.next;
  }
  return flows.map((boxes, i) => {
    const foot = `第${spokenNumber(i + 1)}页，共${spokenCount(flows.length)}页`;
    return {
      width: A4.w,
      height: A4.h,
      boxes: [
        ...boxes,
        { kind: 'text', x: (A4.w - m.width(foot, 'serif', 10)) / 2, y: A4.h - MARGIN + mm(4), text: foot, face: 'serif', size: 10, spacing: 0, color: BLACK },
      ],
    };
  });
}
