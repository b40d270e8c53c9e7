/**
 * The reprint list between two releases when a board or card has nothing to print on one side
 * (an empty product has no file): never listed while empty, "new, to print" with its first
 * entries once it has some, "no longer printed" once they are all taken down.
 */
import { describe, expect, it } from 'vitest';
import type { Entry, EntryData, Project } from '../../src/domain/model.ts';
import type { PrintKey } from '../../src/print/jobs/print-keys.ts';
import { compareReleases } from '../../src/review/release-diff.ts';
import { miniCatalog, miniSite } from './time-fixtures.ts';

const entry = (id: string, title: string, more: Partial<EntryData> = {}): Entry => ({
  id,
  unit: 'v-a',
  slug: id.split('/')[1]!,
  data: { title, item: 'org-setup-division', date: '2026-11-05', scope: 'public', board: true, ...more } as EntryData,
  body: '',
  source: { file: '', path: '', bodyLine: 1 },
});

const project = (entries: Entry[]): Project => ({
  site: miniSite(),
  catalog: miniCatalog(),
  units: [{ id: 'v-a', name: '东门社区', kind: 'village', parent: 't-a', maintainers: [] }],
  boards: [],
  templates: new Map(),
  entries,
  requests: [],
  pages: [],
  calendars: [],
});

const key = (kind: PrintKey['kind'], id: string, entries: { id: string; title: string }[], k = entries.map((e) => e.id).join('+') || 'blank'): PrintKey => ({
  kind,
  id,
  unit: 'v-a',
  key: `${kind}-${k}`,
  file: kind === 'board' ? `print/boards/${id}.pdf` : `print/cards/${id}.pdf`,
  place: '门前',
  size: '2400×1200',
  entries: entries.map((e) => ({ ...e, digest: e.id, fields: { 标题: e.title } })),
  parts: [],
  empty: entries.length === 0,
});

const setup = { id: 'v-a/setup', title: '东门社区组织设置' };

describe('reprints of boards and cards with nothing to print', () => {
  it('lists nothing while both sides are empty, even when their (blank) sheets would differ', () => {
    const d = compareReleases(
      { project: project([]), today: '2026-12-01', keys: [key('board', 'b-v-a', [], 'one-footer'), key('card', 'v-a', [])] },
      { project: project([]), today: '2026-12-01', keys: [key('board', 'b-v-a', [], 'another-footer'), key('card', 'v-a', [])] },
    );
    expect(d).toEqual({ rows: [], unchanged: 0 });
  });

  it('lists a board printed for the first time as new, with what is on it', () => {
    const d = compareReleases(
      { project: project([]), today: '2026-12-01', keys: [key('board', 'b-v-a', [])] },
      { project: project([entry(setup.id, setup.title)]), today: '2026-12-01', keys: [key('board', 'b-v-a', [setup])] },
    );
    expect(d.rows.map((r) => [r.id, r.change, r.reasons])).toEqual([
      ['b-v-a', 'added', ['此前没有可印的内容，第一次印刷', '新上栏：v-a/setup“东门社区组织设置”']],
    ]);
  });

  it('lists a board whose entries are all taken down as no longer printed, naming them', () => {
    const still = entry(setup.id, setup.title);
    const expired = entry(setup.id, setup.title, { expires: '2026-11-30' });
    const d = compareReleases(
      { project: project([still]), today: '2026-12-01', keys: [key('board', 'b-v-a', [setup]), key('card', 'v-a', [setup])] },
      { project: project([expired]), today: '2026-12-01', keys: [key('board', 'b-v-a', []), key('card', 'v-a', [setup])] },
    );
    expect(d.unchanged).toBe(1);
    expect(d.rows.map((r) => [r.id, r.change, r.file, r.reasons])).toEqual([
      [
        'b-v-a',
        'removed',
        'print/boards/b-v-a.pdf',
        ['目前没有可印的内容，不再印刷', '撤下：v-a/setup“东门社区组织设置”（已过到期日期2026年11月30日（expires））'],
      ],
    ]);
  });
});
