/**
 * Where a laid-out box really is, for the fit-or-fail tests: text by its em box and ink
 * width (natural width plus the spacing between characters, less the empty half of a
 * hanging closing mark), shapes by their geometry.
 */
import type { Box } from '../../src/print/layout/boxes.ts';
import { lineEndHang } from '../../src/print/layout/cjk-lines.ts';
import { EM_ASCENT, type Column } from '../../src/print/layout/flow.ts';
import type { Measurer } from '../../src/print/layout/measurer.ts';

export interface Extent {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function extent(b: Box, m: Measurer): Extent {
  switch (b.kind) {
    case 'text': {
      const n = [...b.text].length;
      const w = m.width(b.text, b.face, b.size) + b.spacing * Math.max(0, n - 1) - lineEndHang(b.text, m, b.face, b.size);
      return { x0: b.x, y0: b.y - EM_ASCENT * b.size, x1: b.x + w, y1: b.y + (1 - EM_ASCENT) * b.size };
    }
    case 'line':
      return { x0: Math.min(b.x1, b.x2), y0: Math.min(b.y1, b.y2), x1: Math.max(b.x1, b.x2), y1: Math.max(b.y1, b.y2) };
    case 'qr':
      return { x0: b.x, y0: b.y, x1: b.x + b.size, y1: b.y + b.size };
    default:
      return { x0: b.x, y0: b.y, x1: b.x + b.w, y1: b.y + b.h };
  }
}

const EPS = 1e-6;

export function inside(e: Extent, r: Column): boolean {
  return e.x0 >= r.x - EPS && e.y0 >= r.y - EPS && e.x1 <= r.x + r.w + EPS && e.y1 <= r.y + r.h + EPS;
}

/** The boxes that lie in no column, described for a failure message (empty when all are inside one). */
export function outsideColumns(boxes: readonly Box[], cols: readonly Column[], m: Measurer): string[] {
  return boxes.flatMap((b) => {
    const e = extent(b, m);
    return cols.some((c) => inside(e, c))
      ? []
      : [`${b.kind} ${'text' in b ? b.text : ''} at [${e.x0.toFixed(1)}, ${e.y0.toFixed(1)}]–[${e.x1.toFixed(1)}, ${e.y1.toFixed(1)}]`];
  });
}

/** Text without whitespace (ideographic spaces included), as the conservation checks compare it. */
export const solid = (s: string) => s.replace(/[\s\u3000]/g, '');
