/**
 * A unit's 督查考评 figures from today on (src/domain/supervision/cadence-timeline.ts), checked
 * against unitCadence asked on every single day up to the horizon.
 */
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../src/domain/schema/unit.ts';
import { unitCadence } from '../../src/domain/supervision/cadence.ts';
import { cadenceChanges, cadenceFigures } from '../../src/domain/supervision/cadence-timeline.ts';
import { addDays } from '../../src/domain/time/day-math.ts';
import { entry, miniCatalog, miniSite } from './time-fixtures.ts';

const site = miniSite();
const village: Unit = { id: 'v-a', name: '甲村党支部', kind: 'village', parent: 't-a', maintainers: [] };

const entries = [
  entry('setup', { item: 'org-setup-division', date: '2026-01-10' }),
  entry('dues-h2', { item: 'dues-collection', date: '2026-07-20', period: '2026-H2' }),
  entry('q4', { item: 'superior-decisions', date: '2026-10-09', period: '2026-Q4' }),
  // Dated ahead: covers the first quarter of 2027 from its date.
  entry('q1-ahead', { item: 'study-education', date: '2027-01-12', period: '2027-Q1' }),
  entry('care', { item: 'member-care', date: '2026-04-01', period: '2026' }),
];

describe('cadenceChanges', () => {
  // With a monthly public item too, so a change can come every month; and for a county launched
  // on 1 December, whose items come due one by one after their first deadline.
  for (const [monthly, launch] of [
    [false, undefined],
    [true, undefined],
    [true, '2026-12-01'],
  ] as const) {
    it(`gives unitCadence's figures on every day up to the horizon${monthly ? ' (with a monthly item)' : ''}${launch ? ` (launched ${launch})` : ''}`, () => {
      const catalog = miniCatalog((text) => (monthly ? text.replace('cadence: monthly, scope: party', 'cadence: monthly, scope: public') : text));
      const opts = { today: '2026-11-20', catalog, site: launch ? { ...site, launch } : site };
      const until = addDays(opts.today, 200);
      const changes = cadenceChanges(village, entries, opts, until);
      let figures = cadenceFigures(unitCadence(village, entries, opts));
      for (let day = addDays(opts.today, 1); day <= until; day = addDays(day, 1)) {
        const change = changes.find((c) => c.from === day);
        if (change)
          figures = {
            covered: change.covered,
            dueSoon: change.dueSoon,
            overdue: change.overdue,
            missing: change.missing,
            notDue: change.notDue,
            lastDate: change.lastDate,
          };
        expect(figures, day).toEqual(cadenceFigures(unitCadence(village, entries, { ...opts, today: day })));
      }
      // Something does change: the new year, the renewal day, the entry dated ahead (and the first deadlines after a launch).
      expect(changes.map((c) => c.from)).toEqual(
        expect.arrayContaining(launch ? ['2026-12-16', '2027-01-12', '2027-01-16'] : ['2027-01-01', '2027-01-12', '2027-01-16']),
      );
    });
  }
});
