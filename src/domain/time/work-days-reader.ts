/**
 * Reads the working-day digest a page carries (work-days-digest.ts writes it) and counts
 * working days as WorkCalendar does, within the years it holds. Apart from the writer so the
 * page script does not pull in the holiday tables.
 */
import { addDays, weekday } from './day-math.ts';

export interface DigestCalendar {
  /** Whether the digest knows the date's year (officially or provisionally). */
  covers(date: string): boolean;
  /** The last day of the last year it knows; undefined when it knows none. */
  lastDay: string | undefined;
  /** Working days in (from, to], as WorkCalendar counts them; undefined when a day in between is not known. */
  workingDaysBetween(from: string, to: string): number | undefined;
  /** The years from `from` to `to` (either order) counted from weekends only, as WorkCalendar names them. */
  provisionalYears(from: string, to: string): number[];
}

export function readCalendarDigest(digest: string): DigestCalendar {
  const years = new Set<string>();
  const provisional = new Set<string>();
  const exceptions = new Set<string>();
  let year = '';
  for (const token of digest.split(' ').filter(Boolean)) {
    if (/^\d{4}\*$/.test(token)) {
      years.add((year = token.slice(0, 4)));
      provisional.add(year);
    } else if (/^\d{4}$/.test(token)) years.add((year = token));
    else exceptions.add(`${year}-${token.slice(1, 3)}-${token.slice(3)}`);
  }
  const covers = (d: string) => years.has(d.slice(0, 4));
  const isWorkingDay = (d: string) => (weekday(d) !== 0 && weekday(d) !== 6) !== exceptions.has(d);
  const last = [...years].sort().at(-1);
  return {
    covers,
    lastDay: last === undefined ? undefined : `${last}-12-31`,
    workingDaysBetween(from, to) {
      if (to < from) {
        const n = this.workingDaysBetween(to, from);
        return n === undefined ? undefined : -n;
      }
      let count = 0;
      for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
        if (!covers(d)) return undefined;
        if (isWorkingDay(d)) count++;
      }
      return count;
    },
    provisionalYears(from, to) {
      const [a, b] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))].sort((x, y) => x - y) as [number, number];
      const out: number[] = [];
      for (let y = a; y <= b; y++) if (provisional.has(String(y))) out.push(y);
      return out;
    },
  };
}
