/** What the webmaster and readers are told while a year's holiday arrangement is missing (domain/time/provisional*.ts, site/live-format.ts). */
import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { calendarReminder, type ProvisionalDeadlines } from '../../src/domain/time/provisional.ts';
import { noteYears, provisionalNote } from '../../src/domain/time/provisional-mark.ts';
import { deadlineText, requestStateText } from '../../src/site/live-format.ts';

// Far from the bundled tables, so the test does not change when chinese-days adds a year: 2090 known by a county file, 2091 not.
const cal = buildCalendar([{ year: 2090, holidays: ['2090-10-02'], workdays: [], replace: false }]);
const none: ProvisionalDeadlines = { notices: [], requests: [], years: [] };

describe('the build’s reminder', () => {
  it('is silent before October while this year’s arrangement is known', () => {
    expect(calendarReminder('2090-09-30', cal, none)).toBeUndefined();
  });

  it('from 1 October names next year and how to bring it in', () => {
    const line = calendarReminder('2090-10-01', cal, none)!;
    expect(line).toBe(
      '注意：2091年的节假日安排还没有录入。跨进2091年的公示和点题期限将暂按周末计算，并在网站、公开栏和明白卡上标明“暂按周末计算”。' +
        '国务院办公厅公布2091年节假日安排后（通常在上一年11月），运行 npm update chinese-days 更新节假日数据；软件包还没有更新时，新建 content/calendar/2091.yaml，' +
        '写明 year: 2091、holidays（放假日期或区间）和 workdays（调休上班日期），格式见网站管理员指南。录入后下一次构建自动改用正式安排，日期有变化的公开栏和明白卡会列入重新印刷清单。',
    );
  });

  it('counts the deadlines already guessed, in January as in December', () => {
    const found = { notices: ['v-a/n'], requests: ['v-a/r1', 'v-a/r2'], years: [2091] };
    expect(calendarReminder('2091-01-06', cal, found)).toContain('现在有 1 项公示、2 件点题的期限跨进2091年，暂按周末计算');
    expect(calendarReminder('2090-12-30', cal, { ...found, notices: [] })).toContain('现在有 2 件点题的期限跨进2091年');
  });

  it('is silent once the year is in', () => {
    const both = buildCalendar([
      { year: 2090, holidays: [], workdays: [], replace: false },
      { year: 2091, holidays: ['2091-01-01'], workdays: [], replace: false },
    ]);
    expect(calendarReminder('2090-12-30', both, none)).toBeUndefined();
    expect(calendarReminder('2091-01-06', both, none)).toBeUndefined();
  });
});

describe('what a reader sees', () => {
  it('the note names this year, and next year from October, when missing', () => {
    expect(noteYears(cal, '2090-06-01')).toEqual([]);
    expect(noteYears(cal, '2090-12-30')).toEqual([2091]);
    expect(noteYears(cal, '2091-01-06')).toEqual([2091]);
    expect(provisionalNote([2091])).toMatch(/^标“暂按周末计算”的日期：2091年的节假日安排还没有录入本站/);
  });

  it('marks a guessed deadline and guessed days overdue, nothing else', () => {
    expect(deadlineText('2091-01-01', true)).toBe('答复期限2091年1月1日（暂按周末计算）');
    expect(deadlineText('2090-12-25')).toBe('答复期限2090年12月25日');
    expect(requestStateText('overdue', 7, true)).toBe('已超期未答复（超期7个工作日，暂按周末计算）');
    expect(requestStateText('overdue', 7)).toBe('已超期未答复（超期7个工作日）');
    expect(requestStateText('waiting', 0, true)).toBe('办理中');
  });
});
