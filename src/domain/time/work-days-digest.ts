/**
 * The working-day calendar in a few hundred characters, for a page to carry: its script counts
 * a request's overdue working days on the day the page is read. Only the exceptions are
 * written — weekdays off (`-MMDD`) and weekend working days (`+MMDD`) — after each year
 * (`2026 -0101 -0102 +0104 … 2027 …`). A year without its official arrangement is written
 * `2027*`: counted from weekends only, and what is counted across it is marked provisional, as
 * the build marks it (calendar.ts). A year that is not written is not known: nothing is counted in it.
 */
import { CalendarGapError, type WorkCalendar } from './calendar.ts';
import { addDays, weekday } from './day-math.ts';

/** `years` consecutive years from `fromYear`, stopping at the first year the calendar cannot count at all. */
export function digestCalendar(cal: WorkCalendar, fromYear: number, years: number): string {
  const out: string[] = [];
  for (let y = fromYear; y < fromYear + years; y++) {
    try {
      cal.isWorkingDay(`${y}-01-01`);
    } catch (e) {
      if (e instanceof CalendarGapError) break;
      throw e;
    }
    if (cal.isProvisional(`${y}-01-01`)) {
      out.push(`${y}*`);
      continue;
    }
    out.push(String(y));
    for (let d = `${y}-01-01`; d.startsWith(String(y)); d = addDays(d, 1)) {
      const weekend = weekday(d) === 0 || weekday(d) === 6;
      if (weekend === cal.isWorkingDay(d)) out.push(`${weekend ? '+' : '-'}${d.slice(5, 7)}${d.slice(8)}`);
    }
  }
  return out.join(' ');
}
