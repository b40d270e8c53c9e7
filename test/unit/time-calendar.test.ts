import { describe, expect, it } from 'vitest';
import { buildCalendar, CalendarGapError } from '../../src/domain/time/calendar.ts';
import { calendarFileSchema } from '../../src/domain/schema/calendar.ts';
import { formatNoticePeriod, formatNoticeStatus, noticeStatus, noticeWindow } from '../../src/domain/time/notice.ts';

const cal = buildCalendar([]);

describe('working days in 2026 (State Council schedule via chinese-days)', () => {
  it('knows the statutory holidays and make-up working days', () => {
    for (const d of ['2026-01-01', '2026-02-16', '2026-02-23', '2026-04-06', '2026-05-05', '2026-06-19', '2026-09-25', '2026-10-01', '2026-10-07'])
      expect(cal.isWorkingDay(d), d).toBe(false);
    // 调休: Saturdays and Sundays that are working days.
    for (const d of ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']) expect(cal.isWorkingDay(d), d).toBe(true);
    expect(cal.isWorkingDay('2026-11-28')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay('2026-11-30')).toBe(true);
  });

  it('counts a reply deadline across National Day: received 2026-09-30 → due 2026-10-10 (make-up Saturday)', () => {
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(cal.workingDaysBetween('2026-09-30', '2026-10-10')).toBe(3);
    expect(cal.workingDaysBetween('2026-10-10', '2026-09-30')).toBe(-3);
  });

  it('counts backwards and across the Spring Festival', () => {
    expect(cal.addWorkingDays('2026-02-24', -1)).toBe('2026-02-14');
    expect(cal.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
    expect(cal.addWorkingDays('2026-03-03', 0)).toBe('2026-03-03');
  });

  it('refuses a year before the tables, and names the file to add', () => {
    expect(() => cal.isWorkingDay('1999-03-01')).toThrow(CalendarGapError);
    try {
      cal.addWorkingDays('1999-12-29', 1);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CalendarGapError);
      expect((e as CalendarGapError).year).toBe(1999);
      expect((e as Error).message).toContain('1999年节假日安排尚未录入');
      expect((e as Error).message).toContain('content/calendar/1999.yaml');
    }
  });
});

describe('a year after the tables without its arrangement (next year, until the State Council publishes it)', () => {
  // Far from the bundled tables, so the test does not change when chinese-days adds a year: 2090 known by a county file, 2091 not.
  const c = buildCalendar([{ year: 2090, holidays: ['2090-12-29'], workdays: [], replace: false }]);

  it('is counted from weekends only, never an error, and every day of it is provisional', () => {
    expect(c.isWorkingDay('2091-01-01')).toBe(true); // a Monday: New Year's Day would be off, but nobody knows yet
    expect(c.isWorkingDay('2091-01-06')).toBe(false); // Saturday
    expect(c.addWorkingDays('2090-12-28', 2)).toBe('2091-01-02');
    expect(c.isProvisional('2091-06-01')).toBe(true);
    expect(c.isProvisional('2090-12-31')).toBe(false);
    expect(c.lastKnownYear).toBe(2090);
  });

  it('says which years a span crosses without their arrangement', () => {
    expect(c.provisionalYears('2090-12-20', '2090-12-31')).toEqual([]);
    expect(c.provisionalYears('2091-01-04', '2090-12-28')).toEqual([2091]);
    expect(c.provisionalYears('2090-01-01', '2092-01-01')).toEqual([2091, 2092]);
  });

  it('counts the year officially once a file brings it in', () => {
    const both = buildCalendar([
      { year: 2090, holidays: ['2090-12-29'], workdays: [], replace: false },
      { year: 2091, holidays: [{ from: '2091-01-01', to: '2091-01-03' }], workdays: [], replace: false },
    ]);
    expect(both.addWorkingDays('2090-12-28', 2)).toBe('2091-01-05');
    expect(both.provisionalYears('2090-12-28', '2091-01-05')).toEqual([]);
  });

  it('marks a 公示 that ends in it, where its period is shown', () => {
    const w = noticeWindow({ start: '2090-12-27', days: 5 }, c);
    expect(w).toEqual({ start: '2090-12-27', end: '2091-01-03', days: 5, provisional: true });
    expect(formatNoticePeriod(w)).toBe('公示期：2090年12月27日至2091年1月3日（5个工作日，暂按周末计算）');
  });
});

describe('local corrections (content/calendar/*.yaml)', () => {
  const file = (o: unknown) => calendarFileSchema.parse(o);

  it('adds a year the package lacks', () => {
    const c = buildCalendar([file({ year: 2028, holidays: [{ from: '2028-01-01', to: '2028-01-03' }], workdays: ['2028-01-08'] })]);
    expect(c.isWorkingDay('2028-01-03')).toBe(false); // Monday, off
    expect(c.isWorkingDay('2028-01-08')).toBe(true); // Saturday, make-up
    expect(c.isWorkingDay('2028-01-04')).toBe(true);
    expect(c.addWorkingDays('2027-12-31', 1)).toBe('2028-01-04');
  });

  it('amends a year: a local day off, and a built-in holiday worked locally', () => {
    const c = buildCalendar([file({ year: 2026, holidays: ['2026-12-01'], workdays: ['2026-10-07'] })]);
    expect(c.isWorkingDay('2026-12-01')).toBe(false);
    expect(c.isWorkingDay('2026-10-07')).toBe(true);
    expect(c.isWorkingDay('2026-10-06')).toBe(false); // the rest of the built-in table stays
  });

  it('replaces a year when asked to', () => {
    const c = buildCalendar([file({ year: 2026, replace: true, holidays: ['2026-03-02'] })]);
    expect(c.isWorkingDay('2026-10-01')).toBe(true); // the built-in holiday is gone
    expect(c.isWorkingDay('2026-02-14')).toBe(false); // and so is the make-up Saturday
    expect(c.isWorkingDay('2026-03-02')).toBe(false);
  });
});

describe('公示 windows', () => {
  it('runs 5 working days inclusive of the start', () => {
    const w = noticeWindow({ start: '2026-12-01', days: 5 }, cal);
    expect(w).toEqual({ start: '2026-12-01', end: '2026-12-07', days: 5 });
    expect(formatNoticePeriod(w)).toBe('公示期：2026年12月1日至12月7日（5个工作日）');
  });

  it('stretches over the Spring Festival and counts the make-up Saturday 2026-02-14', () => {
    const w = noticeWindow({ start: '2026-02-12', days: 5 }, cal);
    expect(w.end).toBe('2026-02-25');
    expect(formatNoticePeriod(w)).toBe('公示期：2026年2月12日至2月25日（5个工作日）');
    expect(noticeStatus(w, '2026-02-18', cal)).toEqual({ state: 'running', daysLeft: 2 });
  });

  it('starting on a holiday counts from the next working day', () => {
    expect(noticeWindow({ start: '2026-10-01', days: 5 }, cal).end).toBe('2026-10-13'); // 10-08, 10-09, 10-10 (make-up Saturday), 10-12, 10-13;
  });

  it('shows the year of the end date when the notice crosses a year', () => {
    const c = buildCalendar([calendarFileSchema.parse({ year: 2027, holidays: [{ from: '2027-01-01', to: '2027-01-03' }] })]);
    const w = noticeWindow({ start: '2026-12-29', days: 5 }, c);
    expect(w.end).toBe('2027-01-05');
    expect(formatNoticePeriod(w)).toBe('公示期：2026年12月29日至2027年1月5日（5个工作日）');
  });

  it('has a state on each day: upcoming, running with days left, ended', () => {
    const w = noticeWindow({ start: '2026-12-01', days: 5 }, cal);
    expect(noticeStatus(w, '2026-11-28', cal)).toEqual({ state: 'upcoming', daysLeft: 5 });
    expect(noticeStatus(w, '2026-12-01', cal)).toEqual({ state: 'running', daysLeft: 5 });
    expect(noticeStatus(w, '2026-12-05', cal)).toEqual({ state: 'running', daysLeft: 1 }); // Saturday
    expect(noticeStatus(w, '2026-12-07', cal)).toEqual({ state: 'running', daysLeft: 1 });
    expect(noticeStatus(w, '2026-12-08', cal)).toEqual({ state: 'ended', daysLeft: 0 });
    expect(formatNoticeStatus(w, noticeStatus(w, '2026-12-03', cal))).toBe('公示中，还剩3个工作日');
    expect(formatNoticeStatus(w, noticeStatus(w, '2026-12-08', cal))).toBe('公示已结束');
  });
});
