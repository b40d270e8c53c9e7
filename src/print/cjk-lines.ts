/**
 * Chinese line breaking and justification (W3C clreq, GB/T 15834), done here because
 * pdfkit's breaker (UAX #14) only covers the basic prohibitions and its `justify` only
 * stretches spaces, which Chinese text does not have.
 *
 * Text is cut into unbreakable units — one Han character, one Latin word or number, one
 * 破折号 —— or 省略号 …… — and prohibited punctuation is glued to its neighbour, so a
 * line can only break where a break is allowed. Lines are then filled greedily and
 * justified by spreading the leftover width over the gaps between characters.
 */
import type { Face } from './boxes.ts';
import type { Measurer } from './measurer.ts';

/** Never at the start of a line. */
export const NO_START = new Set([...'。，、；：？！）》」』”’〉】〕．，,.;:?!)]}…—%‰℃·～']);
/** Never at the end of a line. */
export const NO_END = new Set([...'（《「『“‘〈【〔([{']);
/** Marks that come in pairs and must not be split (——, ……). */
const PAIRED = new Set(['—', '…']);

export interface LineOptions {
  face: Face;
  size: number;
  /** Width available for every line, in points. */
  width: number;
  /** Indent of the first line, in points (2 em for body paragraphs). */
  indent?: number;
  /** Justify full lines by inter-character spacing (the last line stays natural). */
  justify?: boolean;
}

export interface Line {
  text: string;
  /** Offset from the left edge (the indent on the first line). */
  x: number;
  /** Natural width, without extra spacing. */
  width: number;
  /** Extra advance after each character, so the line ends flush right when justified. */
  spacing: number;
}

const isLatin = (ch: string) => /[\p{Script=Latin}\p{Nd}_@#&+\-/'.%]/u.test(ch);

/** Cuts text into the smallest pieces between which a line may break. */
export function breakUnits(text: string): string[] {
  const chars = [...text.replace(/\s+/g, (s) => (s.includes('\n') ? ' ' : s))];
  const raw: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (PAIRED.has(ch)) {
      let run = ch;
      while (chars[i + 1] === ch) run += chars[++i]!;
      raw.push(run);
    } else if (isLatin(ch) && ch !== '.' && ch !== '%') {
      let run = ch;
      while (i + 1 < chars.length && (isLatin(chars[i + 1]!) || (chars[i + 1] === ',' && /\d/.test(run.at(-1)!) && /\d/.test(chars[i + 2] ?? '')))) run += chars[++i]!;
      // A full stop after a word is punctuation, not part of it.
      while (run.length > 1 && /[.]$/.test(run)) {
        run = run.slice(0, -1);
        i--;
      }
      raw.push(run);
    } else if (ch === ' ') {
      // A space is its own unit; it is dropped where a line breaks.
      raw.push(' ');
    } else raw.push(ch);
  }
  // Glue: closing marks join the unit before; opening marks join the unit after.
  const units: string[] = [];
  let pendingOpen = '';
  for (const u of raw) {
    const first = [...u][0]!;
    if (pendingOpen) {
      units.push(pendingOpen + u);
      pendingOpen = '';
      if (NO_END.has([...u].at(-1)!)) pendingOpen = units.pop()!;
      continue;
    }
    if (NO_END.has([...u].at(-1)!) && u.length === 1) {
      pendingOpen = u;
      continue;
    }
    if ((NO_START.has(first) || PAIRED.has(first)) && units.length && units.at(-1) !== ' ') units[units.length - 1] += u;
    else units.push(u);
  }
  if (pendingOpen) units.push(pendingOpen);
  return units;
}

/** Breaks one paragraph into lines of at most `width` points. */
export function breakLines(text: string, m: Measurer, o: LineOptions): Line[] {
  const units = breakUnits(text.trim());
  const w = (s: string) => m.width(s, o.face, o.size);
  const lines: { units: string[]; x: number }[] = [];
  let cur: string[] = [];
  let curW = 0;
  let x = o.indent ?? 0;
  const avail = () => o.width - x;
  const flush = () => {
    while (cur.at(-1) === ' ') cur.pop();
    lines.push({ units: cur, x });
    cur = [];
    curW = 0;
    x = 0;
  };
  for (const u of units) {
    if (u === ' ' && cur.length === 0) continue;
    const uw = w(u);
    if (curW + uw <= avail() + 1e-6) {
      cur.push(u);
      curW += uw;
      continue;
    }
    if (cur.length) flush();
    if (u === ' ') continue;
    if (uw <= avail() + 1e-6) {
      cur.push(u);
      curW = uw;
      continue;
    }
    // A unit wider than a whole line (a long URL or number): the only place a forced break is allowed.
    // Even then, only where the prohibitions allow; in a pathologically narrow column the
    // line may run over rather than start with a closing mark.
    for (const ch of u) {
      const cw = w(ch);
      const allowed = !NO_START.has(ch) && !PAIRED.has(ch) && !NO_END.has(cur.at(-1)?.at(-1) ?? '');
      if (curW + cw > avail() + 1e-6 && cur.length && allowed) flush();
      cur.push(ch);
      curW += cw;
    }
  }
  if (cur.length) flush();
  widowFix(lines, w, o.width);
  return lines.map((l, i) => {
    const t = l.units.join('');
    const natural = w(t);
    const n = [...t].length;
    const last = i === lines.length - 1;
    const spacing = o.justify !== false && !last && n > 1 ? Math.max(0, (o.width - l.x - natural) / (n - 1)) : 0;
    return { text: t, x: l.x, width: natural, spacing };
  });
}

/** A paragraph's last line should carry at least two characters: pull one unit down if it fits. */
function widowFix(lines: { units: string[]; x: number }[], w: (s: string) => number, width: number): void {
  if (lines.length < 2) return;
  const last = lines.at(-1)!;
  const prev = lines.at(-2)!;
  if ([...last.units.join('')].length >= 2 || prev.units.length < 3) return;
  const moved = prev.units.at(-1)!;
  if (w(moved + last.units.join('')) > width - last.x) return;
  prev.units.pop();
  last.units.unshift(moved);
}
