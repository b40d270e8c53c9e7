/**
 * A 公示 whose text says one period while its data says another: "9月29日至10月8日（5个工作日）"
 * typed in the body, while the working-day calendar makes 5 working days from 9月29日 end on
 * 10月10日 (National Day lies between). The site and the board show the computed period; a
 * reader sees both and cannot tell which holds. Dates and day counts written on a line that
 * speaks of the 公示 are compared with the computed window; a mismatch names both.
 */
import { error, type Finding } from '../diagnostics.ts';
import type { EntryData } from '../model.ts';
import type { WorkCalendar } from '../time/calendar.ts';
import { noticeWindow, type NoticeWindow } from '../time/notice.ts';

export interface NoticeTextFinding {
  /** 0-based line in the body, and the column (0-based) of what was typed. */
  line: number;
  column: number;
  finding: Finding;
}

const D = String.raw`(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日?`;
/** 9月29日至10月8日, 2026年9月29日—10月8日, 9月29日至8日. */
const RANGE = new RegExp(String.raw`${D}\s*(?:至|到|—+|－|-|~|～)\s*(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日`, 'u');
const DAYS = /(\d{1,3})\s*个工作日/u;

const pad = (n: number) => String(n).padStart(2, '0');
const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The window in the words the clerk used: with years where they wrote years. */
function asTyped(w: NoticeWindow, startYear: boolean, endYear: boolean): string {
  return `${startYear ? `${w.start.slice(0, 4)}年` : ''}${md(w.start)}至${endYear ? `${w.end.slice(0, 4)}年` : ''}${md(w.end)}`;
}

export function checkNoticeText(data: EntryData, body: string, cal: WorkCalendar): NoticeTextFinding[] {
  if (!data.notice || !body.includes('公示')) return [];
  let w: NoticeWindow;
  try {
    w = noticeWindow(data.notice, cal);
  } catch {
    // A year without a holiday table: checkCalendarCoverage says so; nothing to compare with yet.
    return [];
  }
  const computed = `${md(w.start)}至${md(w.end)}（${w.days}个工作日）`;
  const out: NoticeTextFinding[] = [];
  body.split('\n').forEach((line, i) => {
    if (!line.includes('公示')) return;
    const range = RANGE.exec(line);
    const days = DAYS.exec(line);
    let fixed = line;
    const typed: string[] = [];
    let column = -1;
    if (range) {
      const [whole, sy, sm, sd, ey, em, ed] = range;
      const year = Number(sy ?? w.start.slice(0, 4));
      const start = `${year}-${pad(Number(sm))}-${pad(Number(sd))}`;
      const endMonth = Number(em ?? sm);
      // An end month before the start month is in the next year (12月28日至1月5日).
      const endYear = Number(ey ?? (endMonth < Number(sm) ? year + 1 : year));
      const end = `${endYear}-${pad(endMonth)}-${pad(Number(ed))}`;
      if (start !== w.start || end !== w.end) {
        typed.push(whole);
        column = range.index;
        fixed = fixed.replace(whole, asTyped(w, !!sy, !!ey));
      }
    }
    if (days && Number(days[1]) !== w.days) {
      typed.push(days[0]);
      if (column < 0 || days.index < column) column = days.index;
      fixed = fixed.replace(days[0], `${w.days}个工作日`);
    }
    if (!typed.length) return;
    out.push({
      line: i,
      column,
      finding: error(
        'notice-text-mismatch',
        `正文写的公示期“${typed.join('”“')}”与按工作日历算出的公示期“${computed}”不一致`,
        `公示期由信息区的 notice（开始日期和工作日天数）算出，网站和公开栏都按它显示；公示确实另有起止的，请改 notice 的 start 或 days，否则请以它为准，把这一行改为：\n${fixed}`,
      ),
    });
  });
  return out;
}
