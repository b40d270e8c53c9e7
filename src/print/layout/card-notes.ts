/**
 * The printer's notes in the slug of a card sheet, set as text boxes. They are outside every
 * card's bleed, so they are trimmed off with the margins. Their wording (what the file is, how
 * many sheets, how to print and cut) is part of the job: cardNotes in jobs/card-job.ts.
 */
import { LayoutError } from './template-layout.ts';
import { BLACK, type Box } from './boxes.ts';
import type { Imposition } from './card-imposition.ts';
import { breakLines } from './cjk-lines.ts';
import { EM_ASCENT } from './flow.ts';
import type { Measurer } from './measurer.ts';

/** Notes are for the print shop, read at arm's length; they may shrink to this to fit the slug. */
const NOTE_PT = 7;
const NOTE_MIN_PT = 5;

/**
 * The notes as text boxes: below the grid first, then above it, at 7 pt or smaller (never
 * below 5 pt), run together if need be, until they fit. A sheet without room for them is a
 * layout bug, so it throws.
 */
export function noteBoxes(imp: Imposition, notes: readonly string[], m: Measurer): Box[] {
  const width = imp.width - 2 * imp.edge;
  // Each note on lines of its own if there is room; on a narrow slug, run together.
  const tries = [notes, [notes.join('　')]].flatMap((texts) =>
    Array.from({ length: (NOTE_PT - NOTE_MIN_PT) * 2 + 1 }, (_, i) => ({ texts, size: NOTE_PT - i / 2 })),
  );
  for (const { texts, size } of tries) {
    const lh = size * 1.35;
    // A closing mark may hang half a character past the width it breaks at: keep a character in hand, so no note nears the edge.
    const lines = texts.flatMap((n) => breakLines(n, m, { face: 'sans', size, width: width - size, justify: false }));
    const below = Math.floor(imp.slugBottom.h / lh);
    const above = Math.floor(imp.slugTop.h / lh);
    if (lines.length > below + above) continue;
    // What does not fit below starts above (read first), bottom-aligned against the marks.
    const boxes: Box[] = [];
    const over = lines.slice(0, Math.max(0, lines.length - below));
    const under = lines.slice(over.length);
    under.forEach((l, i) => boxes.push(noteBox(imp.edge, imp.slugBottom.y + i * lh, l.text, size, lh)));
    const overTop = imp.slugTop.y + imp.slugTop.h - over.length * lh;
    over.forEach((l, i) => boxes.push(noteBox(imp.edge, overTop + i * lh, l.text, size, lh)));
    return boxes;
  }
  throw new LayoutError(`${imp.sheet} 纸上没有放印刷说明的地方（边距太小）。请在明白卡模板中换用更大的纸张（sheet），或减小卡片之间的间距。`);
}

const noteBox = (x: number, top: number, text: string, size: number, lh: number): Box => ({
  kind: 'text',
  x,
  y: top + (lh - size) / 2 + EM_ASCENT * size,
  text,
  face: 'sans',
  size,
  spacing: 0,
  color: BLACK,
});
