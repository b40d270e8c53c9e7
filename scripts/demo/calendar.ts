/**
 * Dates for the generator: ISO strings in, ISO strings out, integer day numbers inside.
 * Working days follow the State Council holiday notices for 2022–2026 so that the end
 * dates printed in 公示 bodies agree with what the validator computes.
 */
import type { Rng } from './rng.ts';

const DAY_MS = 86_400_000;

/** Days off and make-up working days (调休上班), from the State Council notices. */
const HOLIDAYS: Record<number, { off: [string, string][]; work: string[] }> = {
  2022: {
    off: [
      ['01-01', '01-03'],
      ['01-31', '02-06'],
      ['04-03', '04-05'],
      ['04-30', '05-04'],
      ['06-03', '06-05'],
      ['09-10', '09-12'],
      ['10-01', '10-07'],
    ],
    work: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  },
  2023: {
    off: [
      ['01-01', '01-02'],
      ['01-21', '01-27'],
      ['04-05', '04-05'],
      ['04-29', '05-03'],
      ['06-22', '06-24'],
      ['09-29', '10-06'],
    ],
    work: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  },
  2024: {
    off: [
      ['01-01', '01-01'],
      ['02-10', '02-17'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-10', '06-10'],
      ['09-15', '09-17'],
      ['10-01', '10-07'],
    ],
    work: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  },
  2025: {
    off: [
      ['01-01', '01-01'],
      ['01-28', '02-04'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['05-31', '06-02'],
      ['10-01', '10-08'],
    ],
    work: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  },
  2026: {
    off: [
      ['01-01', '01-03'],
      ['02-15', '02-23'],
      ['04-04', '04-06'],
      ['05-01', '05-05'],
      ['06-19', '06-21'],
      ['09-25', '09-27'],
      ['10-01', '10-07'],
    ],
    work: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
  },
};

export function toDay(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDay(toDay(iso) + n);
}

const offDays = new Set<number>();
const workDays = new Set<number>();
for (const [y, t] of Object.entries(HOLIDAYS)) {
  for (const [a, b] of t.off) for (let d = toDay(`${y}-${a}`); d <= toDay(`${y}-${b}`); d++) offDays.add(d);
  for (const w of t.work) workDays.add(toDay(`${y}-${w}`));
}

export function isWorkday(iso: string): boolean {
  const d = toDay(iso);
  if (workDays.has(d)) return true;
  if (offDays.has(d)) return false;
  const wd = new Date(d * DAY_MS).getUTCDay();
  return wd !== 0 && wd !== 6;
}

/** The same day if it is a working day, else the next working day. */
export function nextWorkday(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, 1);
  return d;
}

/** The same day if it is a working day, else the previous working day. */
export function prevWorkday(iso: string): string {
  let d = iso;
  while (!isWorkday(d)) d = addDays(d, -1);
  return d;
}

/** Last day of a notice that starts on a working day and runs `days` working days. */
export function noticeEnd(start: string, days: number): string {
  let d = start;
  let left = isWorkday(d) ? days - 1 : days;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkday(d)) left--;
  }
  return d;
}

/** Working day n working days before `iso` (n ≥ 0). */
export function workdaysBefore(iso: string, n: number): string {
  let d = prevWorkday(iso);
  for (let i = 0; i < n; i++) d = prevWorkday(addDays(d, -1));
  return d;
}

/** A random working day in [from, to]; falls back to the working day before `to`. */
export function randomWorkday(r: Rng, from: string, to: string): string {
  const a = toDay(from);
  const b = toDay(to);
  if (b < a) return prevWorkday(to);
  const d = nextWorkday(fromDay(r.int(a, b)));
  return toDay(d) <= b ? d : prevWorkday(to);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** 2026-07-06 → 2026年7月6日 */
export function cnDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

/** 2026-07-06 → 7月6日 */
export function cnMonthDay(iso: string): string {
  return `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
}

export const CN_NUM = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'] as const;

/** Section numbers for “## 一、” headings. */
export function cnIndex(i: number): string {
  return CN_NUM[i] ?? String(i);
}
