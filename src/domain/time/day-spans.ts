/**
 * Runs of days on which something holds — a board item is up, a 公示 is running — as the
 * time rules decide them from today on, so a page built today can carry them and show the
 * right thing on any later day. Both ends are inclusive; an open `until` means "from then on,
 * as long as the content stays as it is".
 */
import { addDays } from './day-math.ts';

export interface DaySpan {
  from: string;
  until?: string;
}

/**
 * Spans from a rule sampled at its change days: `days` ascending, and nothing the rule reads
 * changes between two of them, so what holds on days[i] holds until the day before days[i+1]
 * (and after the last one, for good).
 */
export function spansFromSamples(days: readonly string[], holds: readonly boolean[]): DaySpan[] {
  const out: DaySpan[] = [];
  for (let i = 0; i < days.length; i++) {
    if (!holds[i]) continue;
    const next = days[i + 1];
    const until = next === undefined ? undefined : addDays(next, -1);
    const last = out.at(-1);
    if (last && last.until !== undefined && addDays(last.until, 1) === days[i]) {
      if (until === undefined) delete last.until;
      else last.until = until;
    } else out.push(until === undefined ? { from: days[i]! } : { from: days[i]!, until });
  }
  return out;
}

export function inSpans(spans: readonly DaySpan[], day: string): boolean {
  return spans.some((s) => s.from <= day && (s.until === undefined || day <= s.until));
}

/** The days of `spans` that fall within `window`. */
export function intersectSpans(spans: readonly DaySpan[], window: DaySpan): DaySpan[] {
  const out: DaySpan[] = [];
  for (const s of spans) {
    const from = s.from > window.from ? s.from : window.from;
    const until = s.until === undefined ? window.until : window.until === undefined ? s.until : s.until < window.until ? s.until : window.until;
    if (until === undefined || from <= until) out.push(until === undefined ? { from } : { from, until });
  }
  return out;
}

/** The days of `spans` outside `window`. */
export function subtractSpans(spans: readonly DaySpan[], window: DaySpan): DaySpan[] {
  const out: DaySpan[] = [];
  for (const s of spans) {
    if (s.from < window.from) out.push(...intersectSpans([s], { from: s.from, until: addDays(window.from, -1) }));
    if (window.until !== undefined) out.push(...intersectSpans([s], { from: addDays(window.until, 1) }));
  }
  return out;
}

/** Spans that hold on every day from `from` on. */
export function always(spans: readonly DaySpan[], from: string): boolean {
  return spans.length === 1 && spans[0]!.from <= from && spans[0]!.until === undefined;
}
