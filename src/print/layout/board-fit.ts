/**
 * Fitting a board onto its one sheet. A board is one physical frame: its content must fit,
 * at the largest size it can, and when it will not fit even at the legibility floor it is
 * shortened in a stated order rather than spilling onto more sheets:
 *
 *   1. 公示 whose period has ended leave (they stay on the website);
 *   2. older entries of an item give way to its newest (earlier stages, earlier occurrences);
 *   3. long texts are set as their 摘要 with a QR code and link to the full text (“扫码查看全文”),
 *      the ones that save the most first;
 *   4. entries are listed by title and date only, the oldest first;
 *   5. the oldest entries are left off the board (the footer's QR code leads to all of them).
 *
 * The least shortening that fits is found by bisection over that list; then the largest body
 * size that still fits, up to the template's maximum, so a board with little on it is set
 * large instead of leaving a blank band. Pure: it only needs a Measurer.
 */
import { boardTypeSizes, maxBodyPt, type BoardTypeSizes } from './board-type-sizes.ts';
import type { BoardContent, BoardEntry, Item, ShortenAction } from './board-content.ts';
import { flowFrom, type Column } from './flow.ts';
import type { BoardLayout } from './template-layout.ts';

export interface Shortening {
  entry: string;
  action: ShortenAction;
}

export interface Fitted {
  sizes: BoardTypeSizes;
  items: Item[];
  shortened: Shortening[];
  /** Whether the queue fits the sheet (false only when even leaving entries off could not make it). */
  fits: boolean;
}

/** Sizes are tried to the nearest half point: finer steps change nothing a reader can see. */
const STEP = 0.5;

const byAge = (a: BoardEntry, b: BoardEntry) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id);

/** The shortening steps of a board, in the order they are taken. */
function ladder(content: BoardContent, floor: BoardTypeSizes, cols: readonly Column[]): Shortening[] {
  const all = content.entries();
  const oldest = [...all].sort(byAge);
  const h = (e: BoardEntry, mode: 'full' | 'summary') => content.entry(e, floor, mode).reduce((a, p) => a + (p.spacer ? 0 : p.h), 0);
  const colH = cols[0]?.h ?? 0;
  // Summary saves the most on the longest texts; an entry whose summary is no shorter keeps its text,
  // and one without an address has nowhere to send the reader.
  const gains = all
    .filter((e) => e.url)
    .map((e) => ({ e, gain: Math.min(h(e, 'full'), colH * cols.length) - h(e, 'summary') }))
    .filter((x) => x.gain > 0);
  gains.sort((a, b) => b.gain - a.gain || byAge(a.e, b.e));
  return [
    ...oldest.filter((e) => e.finished).map((e) => ({ entry: e.id, action: 'finished-notice' as const })),
    ...oldest.filter((e) => e.older && !e.finished).map((e) => ({ entry: e.id, action: 'older' as const })),
    ...gains.map((x) => ({ entry: x.e.id, action: 'summary' as const })),
    ...oldest.map((e) => ({ entry: e.id, action: 'list' as const })),
    ...oldest.map((e) => ({ entry: e.id, action: 'omitted' as const })),
  ];
}

/** The first `k` steps as each entry's final state (a later step for the same entry wins), and as reported. */
function applied(steps: readonly Shortening[], k: number): { actions: Map<string, ShortenAction>; shortened: Shortening[] } {
  const actions = new Map<string, ShortenAction>();
  for (const s of steps.slice(0, k))
    if (actions.get(s.entry) === undefined || !['finished-notice', 'older'].includes(actions.get(s.entry)!)) actions.set(s.entry, s.action);
  return { actions, shortened: [...actions].map(([entry, action]) => ({ entry, action })) };
}

export function fitBoard(content: BoardContent, cols: readonly Column[], L: BoardLayout, scale: number, floorPt: number, allowShortening: boolean): Fitted {
  const fitsWith = (items: Item[]) => flowFrom(items.length, (j) => items[j]!.piece, cols, { index: 0 }).next.index >= items.length;
  const floor = boardTypeSizes(L, floorPt, floorPt);
  let actions = new Map<string, ShortenAction>();
  let shortened: Shortening[] = [];
  let fits = fitsWith(content.items(floor, actions));
  if (!fits && allowShortening) {
    const steps = ladder(content, floor, cols);
    // Bisection for the fewest steps that fit: each step only removes or shortens.
    let lo = 0;
    let hi = steps.length;
    if (fitsWith(content.items(floor, applied(steps, hi).actions))) {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (fitsWith(content.items(floor, applied(steps, mid).actions))) hi = mid;
        else lo = mid;
      }
      ({ actions, shortened } = applied(steps, hi));
      fits = true;
    }
  }
  // Not even leaving every entry off fits (a floor or template no column can hold): the whole
  // content goes back, unshortened, so the caller names the first piece too big for a column.
  if (!fits) return { sizes: floor, items: content.items(floor, new Map()), shortened: [], fits };
  // The largest size on the half-point grid that fits, between the floor and the template's
  // maximum. Bisection would lay the board out eight times; the content's height grows about
  // as the square of the size, so guessing from how full the last try was takes three or four.
  const capacity = cols.reduce((a, c) => a + c.h, 0);
  const demand = (items: Item[]) => items.reduce((a, it) => a + (it.piece.spacer ? 0 : it.piece.h), 0) / capacity;
  const at = (pt: number) => content.items(boardTypeSizes(L, pt, floorPt), actions);
  const snap = (pt: number) => Math.round(pt / STEP) * STEP;
  let lo = floorPt;
  let hi = snap(Math.max(floorPt, maxBodyPt(L, scale))) + STEP;
  let guess = floorPt / Math.sqrt(Math.max(1e-3, demand(content.items(floor, actions))));
  for (let k = 0; k < 12 && hi - lo > STEP + 1e-9; k++) {
    const pt = Math.min(hi - STEP, Math.max(lo + STEP, snap(guess)));
    const items = at(pt);
    const ok = fitsWith(items);
    if (ok) lo = pt;
    else hi = pt;
    guess = pt / Math.sqrt(Math.max(1e-3, demand(items)));
    // A guess outside what is known halves the bracket instead.
    if (!(guess > lo && guess < hi)) guess = (lo + hi) / 2;
  }
  const sizes = boardTypeSizes(L, lo, floorPt);
  return { sizes, items: content.items(sizes, actions), shortened, fits };
}
