import { describe, expect, it } from 'vitest';
import { unitCadence, requiredItems } from '../../src/domain/supervision/cadence.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';
import { entry, miniCatalog, miniSite } from './time-fixtures.ts';

const catalog = miniCatalog();
const site = miniSite();
const village: Unit = { id: 'v-a', name: '甲村党支部', kind: 'village', parent: 't-a', maintainers: [] };

const entries = [
  entry('setup', { item: 'org-setup-division', date: '2026-01-10' }),
  entry('dues-h1', { item: 'dues-collection', date: '2026-01-08', period: '2026-H1' }),
  entry('dues-h2', { item: 'dues-collection', date: '2026-07-20', period: '2026-H2' }),
  entry('q3', { item: 'superior-decisions', date: '2026-07-03', period: '2026-Q3' }),
  entry('road-1', { item: 'major-decisions', date: '2026-03-02', matter: 'road', stage: 'deliberation' }),
  entry('road-2', { item: 'major-decisions', date: '2026-04-02', matter: 'road', stage: 'decision' }),
  entry('party-setup', { item: 'rules-procedures', date: '2026-01-10', scope: 'party' }),
];
const state = (today: string, item: string) => unitCadence(village, entries, { today, catalog, site }).find((c) => c.item === item)!;

describe('cadence per unit and required item', () => {
  it("requires only public items of the unit's level", () => {
    const ids = requiredItems(village, catalog).map((i) => i.id);
    expect(ids).toContain('dues-collection');
    expect(ids).not.toContain('cadre-selection'); // county units and towns only
    expect(ids).not.toContain('sanhui-yike'); // party-internal
  });

  it('long-term items must exist; a party-internal entry does not count', () => {
    expect(state('2026-11-28', 'org-setup-division').state).toBe('current');
    expect(state('2026-11-28', 'rules-procedures').state).toBe('missing');
    expect(state('2026-01-09', 'org-setup-division').state).toBe('missing'); // not yet published
  });

  it("periodic items: current, due soon until the 15th of the period's first month, then overdue", () => {
    expect(state('2026-06-30', 'dues-collection')).toMatchObject({ state: 'current', period: '2026年上半年' });
    expect(state('2026-07-10', 'dues-collection')).toMatchObject({ state: 'due_soon', dueBy: '2026-07-15' });
    expect(state('2026-07-15', 'dues-collection').state).toBe('due_soon');
    expect(state('2026-07-16', 'dues-collection').state).toBe('overdue');
    expect(state('2026-07-20', 'dues-collection').state).toBe('current'); // renewed late, now covered
    expect(state('2026-10-16', 'superior-decisions')).toMatchObject({ state: 'overdue', period: '2026年第四季度' });
    expect(state('2026-11-28', 'four-winds').state).toBe('missing');
  });

  it('the renewal day is a setting', () => {
    const late = siteSchema.parse({ ...site, defaults: { ...site.defaults, renew_by_day: 25 } });
    const c = unitCadence(village, entries, { today: '2026-07-20', catalog, site: late }).find((x) => x.item === 'superior-decisions')!;
    expect(c.state).toBe('current');
    const c2 = unitCadence(village, entries, { today: '2026-10-20', catalog, site: late }).find((x) => x.item === 'superior-decisions')!;
    expect(c2).toMatchObject({ state: 'due_soon', dueBy: '2026-10-25' });
  });

  it('staged and ad-hoc items have no schedule; staged ones count their matters', () => {
    expect(state('2026-11-28', 'major-decisions')).toMatchObject({ state: 'unscheduled', count: 1 });
    expect(state('2026-11-28', 'recruitment-publicity')).toMatchObject({ state: 'unscheduled', count: 0 });
  });
});
