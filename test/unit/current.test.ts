import { describe, expect, it } from 'vitest';
import { boardEntries, type OffBoard } from '../../src/domain/current.ts';
import type { Entry } from '../../src/domain/model.ts';
import { buildCalendar } from '../../src/domain/time/calendar.ts';
import { entry, miniCatalog, miniSite } from './time-fixtures.ts';

const catalog = miniCatalog();
const site = miniSite();
const calendar = buildCalendar([]);

const entries: Entry[] = [
  entry('setup-2025', { item: 'org-setup-division', date: '2025-03-01' }),
  entry('setup-2026', { item: 'org-setup-division', date: '2026-06-01' }),
  entry('dues-h1', { item: 'dues-collection', date: '2026-01-10', period: '2026-H1' }),
  entry('dues-h2', { item: 'dues-collection', date: '2026-07-05', period: '2026-H2' }),
  entry('road-1', { item: 'major-decisions', date: '2026-05-01', matter: 'road', stage: 'deliberation' }),
  entry('road-2', { item: 'major-decisions', date: '2026-06-01', matter: 'road', stage: 'decision' }),
  entry('well-1', { item: 'major-decisions', date: '2025-01-10', matter: 'well', stage: 'decision' }),
  entry('well-2', { item: 'major-decisions', date: '2025-03-10', matter: 'well', stage: 'result' }),
  entry('recruit', { item: 'recruitment-publicity', date: '2026-11-30', notice: { start: '2026-12-01', days: 5 } }),
  entry('care', { item: 'sanzhong-yida', date: '2026-09-01' }),
  entry('secret-ish', { item: 'dues-usage', date: '2026-02-01', period: '2026', scope: 'party' }),
  entry('off-board', { item: 'member-care', date: '2026-02-01', period: '2026', board: false }),
  entry('expiring', { item: 'four-winds', date: '2026-07-01', period: '2026-H2', expires: '2026-12-31' }),
  entry('other-unit', { item: 'org-setup-division', date: '2026-06-02' }, 'v-b'),
];

const ids = (today: string) => boardEntries(entries, 'v-a', { today, calendar, catalog, site }).map((e) => e.slug);

describe('boardEntries: what is on a board on a given day', () => {
  it('2026-03-01: latest long-term, current period, open matter not yet begun, recent result', () => {
    expect(ids('2026-03-01')).toEqual(['setup-2025', 'dues-h1']);
  });

  it('2026-11-28: the same entries later in the year', () => {
    expect(ids('2026-11-28')).toEqual(['setup-2026', 'road-1', 'road-2', 'care', 'dues-h2', 'expiring']);
  });

  it('2026-12-03: a running 公示 joins, in catalog order (the ad-hoc item is 93 days old and has left)', () => {
    expect(ids('2026-12-03')).toEqual(['setup-2026', 'road-1', 'road-2', 'recruit', 'dues-h2', 'expiring']);
  });

  it('an ended 公示 stays for the grace days (calendar days after the end), then leaves', () => {
    // The notice ends 2026-12-07; grace 3 days → on the board through 2026-12-10.
    expect(ids('2026-12-10')).toContain('recruit');
    expect(ids('2026-12-11')).not.toContain('recruit');
  });

  it('ad-hoc items leave after recent_days; expired items leave after their date', () => {
    expect(ids('2026-11-30')).toContain('care'); // 90 days after 2026-09-01
    expect(ids('2026-12-01')).not.toContain('care');
    expect(ids('2026-12-31')).toContain('expiring');
    expect(ids('2027-01-01')).not.toContain('expiring');
  });

  it('a concluded matter leaves once its result is older than recent_days', () => {
    expect(ids('2025-05-01')).toEqual(expect.arrayContaining(['well-1', 'well-2']));
    expect(ids('2025-07-01')).not.toContain('well-2');
  });

  it("never shows a party-internal entry, an entry with board: false, or another unit's entry", () => {
    for (const today of ['2026-02-02', '2026-06-30', '2026-11-28', '2026-12-03']) {
      const slugs = ids(today);
      expect(slugs).not.toContain('secret-ish');
      expect(slugs).not.toContain('off-board');
      expect(slugs).not.toContain('other-unit');
    }
  });

  it('is deterministic whatever the input order', () => {
    const shuffled = [...entries].reverse();
    const a = boardEntries(shuffled, 'v-a', { today: '2026-12-03', calendar, catalog, site }).map((e) => e.slug);
    expect(a).toEqual(ids('2026-12-03'));
  });

  it('says, when asked, which rule keeps each other entry of the unit off the board', () => {
    const why = (today: string) => {
      const off = new Map<string, OffBoard>();
      const on = boardEntries(entries, 'v-a', { today, calendar, catalog, site }, off);
      expect(on.map((e) => e.slug)).toEqual(ids(today)); // asking changes nothing
      return Object.fromEntries([...off].map(([id, o]) => [id.slice(4), 'by' in o ? `${o.why} by ${o.by.slug}` : o.why]));
    };
    expect(why('2026-11-28')).toEqual({
      'setup-2025': 'replaced by setup-2026',
      'dues-h1': 'replaced by dues-h2',
      'well-1': 'concluded',
      'well-2': 'concluded',
      recruit: 'not-yet',
      'secret-ish': 'not-public',
      'off-board': 'board-false',
    });
    expect(why('2027-01-01')).toMatchObject({ recruit: 'notice-ended', care: 'old', expiring: 'expired' });
    const off = new Map<string, OffBoard>();
    boardEntries(entries, 'v-a', { today: '2026-11-30', calendar, catalog, site }, off);
    expect(off.get('v-a/recruit')).toEqual({ why: 'notice-not-started', start: '2026-12-01' });
  });
});
