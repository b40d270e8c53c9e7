import { describe, expect, it } from 'vitest';
import type { Entry, EntryData, Project, Request } from '../../src/domain/model.ts';
import { buildRequestLog, countByState } from '../../src/domain/requests/request-log.ts';
import { nextRequestEvent, openRequestState, requestClock } from '../../src/domain/requests/request-state.ts';
import { requestFrontMatterSchema } from '../../src/domain/schema/request.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';
import type { CalendarFile } from '../../src/domain/schema/calendar.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';

const cal = buildCalendar([]);

function req(slug: string, fm: Record<string, unknown>, unit = 'v-a'): Request {
  return {
    id: `${unit}/${slug}`,
    unit,
    slug,
    data: requestFrontMatterSchema.parse({ topic: slug, channel: '意见箱', ...fm }),
    body: '群众的问题。',
    source: { file: `${slug}.md`, path: `/x/${slug}.md`, bodyLine: 1 },
  };
}
const clock = (r: Request, today: string) => requestClock(r, today, 3, cal);

describe('点题 reply deadlines and states', () => {
  it('received 2026-09-30, before National Day: due 2026-10-10 (make-up Saturday)', () => {
    const r = req('a', { received: '2026-09-30' });
    expect(clock(r, '2026-10-08')).toMatchObject({ deadline: '2026-10-10', state: 'waiting' });
    expect(clock(r, '2026-10-10').state).toBe('due_today');
    expect(clock(r, '2026-10-12')).toMatchObject({ state: 'overdue', daysLate: 1 });
  });

  it('received on the make-up Saturday 2026-09-20 counts from that day', () => {
    expect(clock(req('b', { received: '2026-09-20' }), '2026-09-21').deadline).toBe('2026-09-23');
  });

  it('received during the Spring Festival: due on the third working day after it', () => {
    expect(clock(req('c', { received: '2026-02-16' }), '2026-02-20').deadline).toBe('2026-02-26');
  });

  it('answered on time, answered late, on the spot, withdrawn', () => {
    expect(clock(req('d', { received: '2026-11-02', replied: '2026-11-05', reply: '答复。' }), '2026-11-28').state).toBe('on_time');
    expect(clock(req('e', { received: '2026-08-03', replied: '2026-08-12', reply: '答复。' }), '2026-11-28')).toMatchObject({
      state: 'late',
      deadline: '2026-08-06',
      daysLate: 4,
    });
    const spot = clock(req('f', { received: '2026-09-10', on_the_spot: true, reply: '当场解释。' }), '2026-11-28');
    expect(spot).toMatchObject({ state: 'on_time', replied: '2026-09-10', onTheSpot: true });
    expect(spot.timeline.map((t) => t.text)).toContain('当场解释答复');
    expect(clock(req('g', { received: '2026-07-06', status: 'withdrawn' }), '2026-11-28').state).toBe('withdrawn');
  });

  it('a reply dated after today is not given yet', () => {
    const r = req('h', { received: '2026-11-24', replied: '2026-11-26', reply: '答复。' });
    expect(clock(r, '2026-11-25')).toMatchObject({ state: 'waiting', replied: undefined });
  });

  it('clarification stops the clock from the day asked until the day answered', () => {
    const fm = { received: '2026-10-19', clarification: { asked: '2026-10-20', answered: '2026-10-23' } };
    // One working day used (10-20); two left after the answer on 10-23 → 10-27.
    expect(clock(req('i', fm), '2026-10-21')).toMatchObject({ state: 'clarifying', deadline: undefined });
    expect(clock(req('i', fm), '2026-10-26')).toMatchObject({ state: 'waiting', deadline: '2026-10-27' });
    expect(clock(req('i', { ...fm, replied: '2026-10-26', reply: '答复。' }), '2026-11-28').state).toBe('on_time');
    // Without the pause the same reply would have been late (deadline 10-22).
    expect(clock(req('j', { received: '2026-10-19', replied: '2026-10-26', reply: '答复。' }), '2026-11-28').state).toBe('late');
  });

  it('asking for clarification after the deadline does not buy time', () => {
    const r = req('k', { received: '2026-11-02', clarification: { asked: '2026-11-10', answered: '2026-11-12' } });
    expect(clock(r, '2026-11-13')).toMatchObject({ state: 'overdue', deadline: '2026-11-05' });
  });

  // Years far from the bundled tables, so the test does not change when chinese-days adds a year: 2090 is known (a county file), 2091 is not.
  const known2090 = { year: 2090, holidays: ['2090-10-01'], workdays: [], replace: false };
  const far = (extra: CalendarFile[] = []) => buildCalendar([known2090, ...extra]);

  it('a deadline across a year without its holiday arrangement is counted from weekends only, and says so', () => {
    // Received Wednesday 2090-12-27: Thursday, Friday, then Monday 2091-01-01, a guess (New Year's Day is usually off).
    const r = req('l', { received: '2090-12-27' });
    expect(requestClock(r, '2090-12-28', 3, far())).toMatchObject({ deadline: '2091-01-01', state: 'waiting', deadlineProvisional: true });
    // Once the year's arrangement is in, the same request has its official deadline, unmarked.
    const official = requestClock(
      r,
      '2090-12-28',
      3,
      far([{ year: 2091, holidays: [{ from: '2091-01-01', to: '2091-01-03' }], workdays: [], replace: false }]),
    );
    expect(official).toMatchObject({ deadline: '2091-01-04', state: 'waiting' });
    expect(official.deadlineProvisional).toBeUndefined();
  });

  it('days overdue counted into such a year are marked, the deadline before it is not', () => {
    const c = requestClock(req('m', { received: '2090-12-20' }), '2091-01-03', 3, far());
    expect(c).toMatchObject({ deadline: '2090-12-25', state: 'overdue', daysLate: 7, daysLateProvisional: true });
    expect(c.deadlineProvisional).toBeUndefined();
    expect(requestClock(req('n', { received: '2090-12-20' }), '2090-12-29', 3, far()).daysLateProvisional).toBeUndefined();
  });
});

describe('the public request log', () => {
  const site = siteSchema.parse({
    county: '示范县',
    title: '示范县党务公开网',
    base_url: 'https://x.example.cn/',
    publisher: '组织部',
    supervision_phone: '0000-6123456',
  });
  const unit: Unit = { id: 'v-a', name: '甲村党支部', kind: 'village', parent: 't-a', maintainers: [] };
  const entry = (slug: string, scope: 'public' | 'party'): Entry => ({
    id: `v-a/${slug}`,
    unit: 'v-a',
    slug,
    data: { title: `标题${slug}`, item: 'topic-requests', date: '2026-11-05', scope, board: true } as EntryData,
    body: '',
    source: { file: '', path: '', bodyLine: 1 },
  });
  const project: Pick<Project, 'units' | 'requests' | 'entries' | 'site'> = {
    site,
    units: [unit],
    entries: [entry('pub', 'public'), entry('internal', 'party')],
    requests: [
      req('one', { received: '2026-11-02', replied: '2026-11-05', reply: '答复。', answer_entry: 'pub' }),
      req('two', { received: '2026-11-03', replied: '2026-11-05', reply: '答复。', answer_entry: 'internal' }),
      req('ghost', { received: '2026-11-03' }, 'v-gone'),
      req('future', { received: '2026-12-01' }),
    ],
  };
  const rows = buildRequestLog({ project, calendar: cal, today: '2026-11-28' });

  it('lists requests of existing units received by today, newest first', () => {
    expect(rows.map((r) => r.id)).toEqual(['v-a/two', 'v-a/one']);
    expect(countByState(rows).on_time).toBe(2);
  });

  it('links a public answering entry, never a party-internal one', () => {
    expect(rows.find((r) => r.id === 'v-a/one')!.answer).toEqual({ id: 'v-a/pub', title: '标题pub' });
    expect(rows.find((r) => r.id === 'v-a/two')!.answer).toBeUndefined();
    expect(JSON.stringify(rows)).not.toContain('标题internal');
  });
});

describe('what moves after the build', () => {
  it('an open request’s state follows its deadline, counted as requestClock counts it', () => {
    const r = req('a', { received: '2026-09-30' });
    for (const day of ['2026-10-09', '2026-10-10', '2026-10-12', '2026-10-20']) {
      const c = clock(r, day);
      expect(openRequestState(day, c.deadline!, cal.workingDaysBetween), day).toEqual({ state: c.state, daysLate: c.daysLate });
    }
  });

  it('names the first day something recorded happens after the build: received, asked, answered, replied', () => {
    expect(nextRequestEvent(req('a', { received: '2026-12-01', replied: '2026-12-09' }).data, '2026-12-03')).toBe('2026-12-09');
    const asked = req('b', { received: '2026-12-01', clarification: { asked: '2026-12-04', answered: '2026-12-08' } }).data;
    expect(nextRequestEvent(asked, '2026-12-03')).toBe('2026-12-04');
    expect(nextRequestEvent(asked, '2026-12-05')).toBe('2026-12-08');
    expect(nextRequestEvent(req('c', { received: '2026-12-07' }).data, '2026-12-03')).toBe('2026-12-07');
    expect(nextRequestEvent(req('d', { received: '2026-12-01', replied: '2026-12-02' }).data, '2026-12-03')).toBeUndefined();
  });
});
