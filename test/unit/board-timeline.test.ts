/**
 * A unit's board from today on (src/domain/board-timeline.ts), checked against the time rules
 * asked on every single day: the days it carries for each entry are exactly the days
 * boardEntries puts the entry up, and a 公示 runs under 正在公示 exactly while noticeStatus says so.
 */
import { describe, expect, it } from 'vitest';
import { boardTimeline } from '../../src/domain/board-timeline.ts';
import { boardEntries } from '../../src/domain/current.ts';
import type { Entry } from '../../src/domain/model.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { addDays } from '../../src/domain/time/day-math.ts';
import { inSpans } from '../../src/domain/time/day-spans.ts';
import { noticeStatus, noticeWindow } from '../../src/domain/time/notice.ts';
import { entry, miniCatalog, miniSite } from './time-fixtures.ts';

const catalog = miniCatalog();
const site = miniSite();
const calendar = buildCalendar([]);

// Every way an entry comes and goes: replaced, renewed, dated ahead, expiring, aging, concluded, a 公示 across National Day.
const entries: Entry[] = [
  entry('setup-2025', { item: 'org-setup-division', date: '2025-03-01' }),
  entry('setup-2026', { item: 'org-setup-division', date: '2026-09-14' }),
  entry('dues-h1', { item: 'dues-collection', date: '2026-01-10', period: '2026-H1' }),
  entry('dues-h2', { item: 'dues-collection', date: '2026-07-05', period: '2026-H2' }),
  entry('road-1', { item: 'major-decisions', date: '2026-05-01', matter: 'road', stage: 'deliberation' }),
  entry('road-2', { item: 'major-decisions', date: '2026-08-01', matter: 'road', stage: 'result' }),
  entry('well-1', { item: 'major-decisions', date: '2026-10-10', matter: 'well', stage: 'decision' }),
  entry('recruit', { item: 'recruitment-publicity', date: '2026-09-25', notice: { start: '2026-09-29', days: 5 } }),
  entry('recruit-late', { item: 'recruitment-publicity', date: '2026-11-02', notice: { start: '2026-11-20', days: 5 } }),
  entry('decision', { item: 'sanzhong-yida', date: '2026-07-20' }),
  entry('party', { item: 'dues-usage', date: '2026-02-01', period: '2026', scope: 'party' }),
  entry('off-board', { item: 'member-care', date: '2026-02-01', period: '2026', board: false }),
  entry('expiring', { item: 'member-care', date: '2026-03-01', period: '2026', expires: '2026-10-31' }),
  entry('other-unit', { item: 'org-setup-division', date: '2026-06-02' }, 'v-b'),
];

describe('boardTimeline', () => {
  for (const today of ['2026-07-01', '2026-09-20']) {
    it(`from ${today}: the days of every entry are the days boardEntries puts it up, for 200 days`, () => {
      const opts = { today, calendar, catalog, site };
      const timeline = boardTimeline(entries, 'v-a', opts);
      for (let day = today; day <= addDays(today, 200); day = addDays(day, 1)) {
        const up = boardEntries(entries, 'v-a', { ...opts, today: day }).map((e) => e.slug);
        expect(
          timeline.filter((t) => inSpans(t.onBoard, day)).map((t) => t.entry.slug),
          day,
        ).toEqual(up);
        const running = up.filter((slug) => {
          const n = entries.find((e) => e.slug === slug)!.data.notice;
          return n !== undefined && noticeStatus(noticeWindow(n, calendar), day, calendar).state === 'running';
        });
        expect(
          timeline.filter((t) => inSpans(t.running, day)).map((t) => t.entry.slug),
          day,
        ).toEqual(running);
        expect(
          timeline.filter((t) => inSpans(t.rest, day)).map((t) => t.entry.slug),
          day,
        ).toEqual(up.filter((s) => !running.includes(s)));
      }
    });
  }

  it('carries what comes later, and nothing that never comes up again', () => {
    const slugs = boardTimeline(entries, 'v-a', { today: '2026-09-20', calendar, catalog, site }).map((t) => t.entry.slug);
    expect(slugs).toContain('well-1'); // dated 10 October
    expect(slugs).toContain('recruit-late'); // starts 20 November
    expect(slugs).not.toContain('setup-2025'); // replaced on 14 September
    expect(slugs).not.toContain('party');
    expect(slugs).not.toContain('off-board');
    expect(slugs).not.toContain('other-unit');
  });
});
