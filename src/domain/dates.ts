/**
 * Calendar dates as clerks write them: `YYYY-MM-DD` strings.
 *
 * Dates stay strings throughout the model. YAML 1.1 parsers (and js-yaml) turn
 * `2026-02-30` into a Date that silently rolls over to 2 March; a clerk's typo
 * must be reported instead, so we parse with YAML 1.2 (no timestamps) and check here.
 */

export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a string is not a real date, in Chinese; undefined when it is one. */
export function dateProblem(value: string): string | undefined {
  const m = ISO_DATE.exec(value);
  if (!m) {
    return `“${value}”不是“年-月-日”格式的日期`;
  }
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1921 || year > 2100) return `年份 ${year} 不在合理范围内`;
  if (month < 1 || month > 12) return `${year}年没有${month}月`;
  const last = daysInMonth(year, month);
  if (day < 1 || day > last) return `${year}年${month}月没有${day}日（该月只有${last}天）`;
  return undefined;
}

export function parseDate(value: IsoDate): DateParts {
  const m = ISO_DATE.exec(value);
  if (!m || dateProblem(value)) throw new RangeError(`invalid date ${value}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

export function yearOf(value: IsoDate): number {
  return Number(value.slice(0, 4));
}

/** Formats 2026-12-01 as 2026年12月1日, the form used on boards and pages. */
export function formatChineseDate(value: IsoDate): string {
  const { year, month, day } = parseDate(value);
  return `${year}年${month}月${day}日`;
}

/** Tries to read a date a clerk wrote in another common form, for did-you-mean hints. */
export function guessIsoDate(value: string): IsoDate | undefined {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return dateProblem(iso) ? undefined : iso;
}
