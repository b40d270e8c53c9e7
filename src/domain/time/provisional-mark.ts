/**
 * How a date counted across a year without its holiday arrangement is marked (calendar.ts:
 * such a year is counted from weekends only), and what a page says the mark means. Apart from
 * the calendar so the page script can say it too without pulling in the holiday tables.
 */

/** The mark on every date computed across a provisional day. */
export const PROVISIONAL = '暂按周末计算';

/** Anything that knows which years are provisional: the calendar, or the working days a page carries. */
export interface ProvisionalYears {
  provisionalYears(from: string, to: string): number[];
}

/** The years a page's note names on `today`: this year's, and from October next year's, when either is missing. */
export function noteYears(cal: ProvisionalYears, today: string): number[] {
  const year = Number(today.slice(0, 4));
  return cal.provisionalYears(`${year}-01-01`, `${Number(today.slice(5, 7)) >= 10 ? year + 1 : year}-12-31`);
}

/** What a page says under the mark, when it shows one. */
export function provisionalNote(years: readonly number[]): string {
  return (
    `标“${PROVISIONAL}”的日期：${years.map((y) => `${y}年`).join('、')}的节假日安排还没有录入本站，这些公示期、答复期限和超期天数暂时只把周六、周日当作休息日计算；` +
    '录入国务院办公厅公布的正式安排后会重新计算，日期可能推后。'
  );
}
