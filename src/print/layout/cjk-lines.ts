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

/** Chinese characters and full-width marks: no space belongs between two of them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026]/u;

const isLatin = (ch: string) => /[\p{Script=Latin}\p{Nd}_@#&+\-/'.%]/u.test(ch);

/**
 * Units by text. A board is laid out at three or four sizes before one fits, and the units of a
 * paragraph do not depend on the size; cutting them again was a tenth of a worker's time.
 * Callers must not change the arrays they get.
 */
const unitsOf = new Map<string, readonly string[]>();

/** `breakUnits`, remembered (the last few thousand paragraphs). */
export function cachedUnits(text: string): readonly string[] {
  let units = unitsOf.get(text);
  if (!units) {
    if (unitsOf.size >= 20_000) unitsOf.clear();
    unitsOf.set(text, (units = breakUnits(text)));
  }
  return units;
}

/** Cuts text into the smallest pieces between which a line may break. */
export function breakUnits(text: string): string[] {
  // A line break inside a paragraph is a space between words, but nothing between two Chinese
  // characters (CSS Text's segment break rule): a clerk's hard-wrapped paragraph reads as one.
  const joined = text.replace(/\s+/g, (s, at: number, all: string) =>
    !s.includes('\n') ? s : CJK.test(all[at - 1] ?? '') && CJK.test(all[at + s.length] ?? '') ? '' : ' ',
  );
  const chars = [...joined];
  const raw: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (PAIRED.has(ch)) {
      let run = ch;
      while (chars[i + 1] === ch) run += chars[++i]!;
      raw.push(run);
    } else if (isLatin(ch) && ch !== '.' && ch !== '%') {
      let run = ch;
      // Digits grouped by commas (11,380.00) or times and ratios (9:00, 1:2) are one number.
      while (
        i + 1 < chars.length &&
        (isLatin(chars[i + 1]!) || ((chars[i + 1] === ',' || chars[i + 1] === ':') && /\d/.test(run.at(-1)!) && /\d/.test(chars[i + 2] ?? '')))
      )
        run += chars[++i]!;
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

/**
 * Full-width closing marks whose glyph sits in the left half of its em box (checked against
 * the real fonts in the integration tests): at the end of a line the empty right half may
 * reach past the line end, so a line that would otherwise lose its last character to the
 * next line — and be stretched by a whole em — keeps it (行末标点挤压).
 */
export const HANGING = new Set([...'。，、；：？！）》」』】〕〉”’']);

/** How far `text`, set as one line, may reach past the line end: half its closing mark, or 0. */
export function lineEndHang(text: string, m: Measurer, face: Face, size: number): number {
  const last = text.at(-1);
  if (last === undefined || !HANGING.has(last)) return 0;
  const w = m.width(last, face, size);
  // Only a full-width mark has an empty half to give.
  return w >= 0.9 * size ? w - size / 2 : 0;
}

const EPS = 1e-6;

/** Whether a line may break between two pieces of text (the prohibitions above). */
function breakAllowed(before: string, after: string): boolean {
  const a = after[0] ?? '';
  const b = before.at(-1) ?? '';
  return !NO_START.has(a) && !NO_END.has(b) && !(PAIRED.has(a) && a === b);
}

/**
 * Breaks one paragraph into lines of at most `width` points. A line never runs past `width`
 * (but for a hanging closing mark's empty half): where the prohibitions leave no allowed
 * break — a run of closing marks longer than a line, say — the line breaks anyway, since
 * text outside its column is worse than a mark at a line start. Only a single character
 * wider than the whole width can overflow, and the callers check for that.
 */
export function breakLines(text: string, m: Measurer, o: LineOptions): Line[] {
  const units = cachedUnits(text.trim());
  const w = (s: string) => m.width(s, o.face, o.size);
  const hang = (s: string) => lineEndHang(s, m, o.face, o.size);
  const lines: { units: string[]; x: number }[] = [];
  let cur: string[] = [];
  let curW = 0;
  let x = o.indent ?? 0;
  const avail = () => o.width - x;
  const fits = (extra: number, u: string) => curW + extra <= avail() + EPS || curW + extra - hang(u) <= avail() + EPS;
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
    if (fits(uw, u)) {
      cur.push(u);
      curW += uw;
      continue;
    }
    if (cur.length) flush();
    if (u === ' ') continue;
    if (fits(uw, u)) {
      cur.push(u);
      curW = uw;
      continue;
    }
    // A unit wider than a whole line (a long URL or number, a run of marks): the only place a
    // forced break is allowed. It goes character by character; where a character does not fit,
    // the line breaks at the last place the prohibitions allow, or else right there.
    for (const ch of u) {
      const cw = w(ch);
      if (cur.length && !fits(cw, ch)) {
        let k = cur.length;
        while (k > 0 && !breakAllowed(cur[k - 1]!, k < cur.length ? cur[k]! : ch)) k--;
        let carry = k > 0 ? cur.slice(k) : [];
        if (carry.length && w(carry.join('') + ch) > o.width + EPS) carry = [];
        cur.length -= carry.length;
        flush();
        cur = carry;
        curW = w(carry.join(''));
      }
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
    // A line that only fits with its closing mark compressed is already full.
    const ink = natural - Math.min(hang(t), Math.max(0, natural - (o.width - l.x)));
    const spacing = o.justify !== false && !last && n > 1 ? Math.max(0, (o.width - l.x - ink) / (n - 1)) : 0;
    return { text: t, x: l.x, width: natural, spacing };
  });
}

/**
 * A paragraph's last line should carry at least two characters: pull one unit down if it
 * fits and the break it leaves behind is allowed.
 */
function widowFix(lines: { units: string[]; x: number }[], w: (s: string) => number, width: number): void {
  if (lines.length < 2) return;
  const last = lines.at(-1)!;
  const prev = lines.at(-2)!;
  if ([...last.units.join('')].length >= 2 || prev.units.length < 3) return;
  const moved = prev.units.at(-1)!;
  if (w(moved + last.units.join('')) > width - last.x + EPS) return;
  if (!breakAllowed(prev.units.at(-2)!, moved)) return;
  prev.units.pop();
  last.units.unshift(moved);
}
