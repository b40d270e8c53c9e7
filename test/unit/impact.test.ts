import { describe, expect, it } from 'vitest';
import { changedIds, impactOf, type Registry } from '../../src/domain/impact.ts';

const reg: Registry = {
  units: [
    { id: 't', name: '镇', kind: 'town', parent: 'c', maintainers: [] },
    { id: 'v-a', name: '甲村', kind: 'village', parent: 't', maintainers: [] },
    { id: 'v-b', name: '乙村', kind: 'village', parent: 't', maintainers: [] },
  ],
  boards: [
    { id: 'b-t', unit: 't', template: 'town', location: '镇', width_mm: 3000, height_mm: 1500 },
    { id: 'b-v-a', unit: 'v-a', template: 'village', location: '村', width_mm: 2400, height_mm: 1200 },
    { id: 'b-v-b', unit: 'v-b', template: 'village', location: '村', width_mm: 2400, height_mm: 1200 },
  ],
};

describe('impactOf', () => {
  it('maps one village entry to exactly that village board and card', () => {
    const i = impactOf([{ status: 'modified', path: 'content/entries/v-a/2026/dues.md' }], 'content', reg, reg);
    expect(i).toMatchObject({ units: ['v-a'], boards: ['b-v-a'], cards: ['v-a'], everything: [] });
    expect(i.entries).toEqual([{ unit: 'v-a', slug: 'dues', path: 'content/entries/v-a/2026/dues.md', status: 'modified' }]);
  });
  it('follows renames across units, and images to their unit', () => {
    const i = impactOf(
      [
        { status: 'renamed', from: 'content/entries/v-a/2026/x.md', path: 'content/entries/v-b/2026/x.md' },
        { status: 'added', path: 'content/entries/t/2026/photo.jpg' },
      ],
      'content',
      reg,
      reg,
    );
    expect(i.boards).toEqual(['b-t', 'b-v-a', 'b-v-b']);
  });
  it('reads registry changes record by record', () => {
    const after: Registry = {
      units: reg.units.map((u) => (u.id === 'v-b' ? { ...u, phone: '0000-1' } : u)),
      boards: reg.boards.map((b) => (b.id === 'b-t' ? { ...b, width_mm: 2900 } : b)),
    };
    expect(changedIds(reg.units, after.units)).toEqual(['v-b']);
    const i = impactOf(
      [
        { status: 'modified', path: 'content/units.yaml' },
        { status: 'modified', path: 'content/boards.yaml' },
      ],
      'content',
      reg,
      after,
    );
    expect(i.boards).toEqual(['b-t', 'b-v-b']);
    expect(i.cards).toEqual(['v-b']);
  });
  it('treats settings, catalog, calendar and program changes as affecting everything', () => {
    const i = impactOf(
      [
        { status: 'modified', path: 'content/site.yaml' },
        { status: 'modified', path: 'src/print/layout.ts' },
        { status: 'modified', path: 'README.md' },
      ],
      'content',
      reg,
      reg,
    );
    expect(i.everything).toEqual(['网站设置（site.yaml）', '程序或模板（src/print/layout.ts）']);
    expect(i.boards).toHaveLength(3);
    expect(i.other).toEqual(['README.md']);
  });
  it('requests and pages touch no board', () => {
    const i = impactOf(
      [
        { status: 'added', path: 'content/requests/v-a/2026/q.md' },
        { status: 'modified', path: 'content/pages/about.mdx' },
      ],
      'content',
      reg,
      reg,
    );
    expect(i).toMatchObject({ boards: [], cards: [], pages: ['content/pages/about.mdx'] });
  });
});
