import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEntry } from '../../src/domain/rules/entry-rules.ts';
import { catalogSchema, indexCatalog } from '../../src/domain/schema/catalog.ts';
import { entryFrontMatterSchema, type EntryFrontMatter } from '../../src/domain/schema/entry.ts';
import { siteSchema } from '../../src/domain/schema/site.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';
import { ROOT } from '../helpers.ts';

const catalog = indexCatalog(catalogSchema.parse(parseYaml(readFileSync(join(ROOT, 'content/catalog.yaml'), 'utf8'))));
const site = siteSchema.parse(parseYaml(readFileSync(join(ROOT, 'content/site.yaml'), 'utf8')));
const village: Unit = { id: 'v-a', name: '甲村党支部', kind: 'village', parent: 't-a', maintainers: [] };

const fm = (over: Record<string, unknown>): EntryFrontMatter =>
  entryFrontMatterSchema.parse({
    title: '标题',
    item: 'dues-collection',
    date: '2026-07-05',
    period: '2026-H1',
    reviewed_by: '王某某',
    approved_by: '李某某',
    ...over,
  });
const codes = (over: Record<string, unknown>, unit = village) => checkEntry(fm(over), { catalog, site, unit, yearFolder: 2026 }).findings.map((f) => f.code);

describe('the catalog shipped with the demo', () => {
  it('has 14 aspects and 27 items', () => {
    expect(catalog.aspects).toHaveLength(14);
    expect(catalog.items.size).toBe(27);
  });
});

describe('entry schema', () => {
  it('reads `period: 2026` (a YAML number) as the period "2026"', () => {
    expect(fm({ item: 'dues-usage', period: 2026 }).period).toBe('2026');
  });
  it('rejects unknown fields and impossible dates', () => {
    expect(entryFrontMatterSchema.safeParse({ title: 't', item: 'x', date: '2026-02-30' }).success).toBe(false);
    expect(entryFrontMatterSchema.safeParse({ title: 't', item: 'x', date: '2026-02-01', unit: 'v-a' }).success).toBe(false);
  });
  it('is idempotent, as Astro re-parses validated data', () => {
    const once = fm({ notice: { start: '2026-12-01', days: 5 } });
    expect(entryFrontMatterSchema.parse(once)).toEqual(once);
  });
});

describe('checkEntry', () => {
  it('passes a correct entry and fills defaults from the catalog', () => {
    const r = checkEntry(fm({}), { catalog, site, unit: village, yearFolder: 2026 });
    expect(r.findings).toEqual([]);
    expect(r.data?.scope).toBe('public');
  });
  it('suggests the item id for a typo or for the Chinese name', () => {
    const typo = checkEntry(fm({ item: 'dues-colection' }), { catalog, site, unit: village, yearFolder: 2026 }).findings[0]!;
    expect(typo.code).toBe('unknown-item');
    expect(typo.hint).toContain('dues-collection');
  });
  it('requires periods to match the cadence', () => {
    expect(codes({ period: '2026-Q1' })).toEqual(['period-cadence-mismatch']);
    expect(codes({ period: undefined })).toEqual(['missing-period']);
    expect(codes({ item: 'org-setup-division' })).toEqual(['unexpected-period']);
    expect(codes({ period: '2026-H3' })).toEqual(['invalid-period']);
  });
  it('requires stage and matter for staged items only', () => {
    expect(codes({ item: 'major-decisions', period: undefined }).sort()).toEqual(['missing-matter', 'missing-stage']);
    expect(codes({ stage: 'decision' })).toContain('unexpected-stage');
  });
  it('requires review and approval for public entries, not for party ones', () => {
    expect(codes({ reviewed_by: undefined, approved_by: undefined })).toEqual(['missing-review', 'missing-approval']);
    expect(codes({ item: 'sanhui-yike', period: '2026-07', scope: 'party', reviewed_by: undefined, approved_by: undefined })).toEqual([]);
  });
  it('refuses items not meant for the unit level and wrong year folders', () => {
    expect(codes({ item: 'cadre-selection', period: undefined })).toContain('item-not-for-level');
    expect(checkEntry(fm({}), { catalog, site, unit: village, yearFolder: 2025 }).findings.map((f) => f.code)).toEqual(['wrong-year-folder']);
  });
  it('requires the meeting record for 三重一大', () => {
    expect(codes({ item: 'sanzhong-yida', period: undefined })).toEqual(['missing-meeting']);
  });
});

describe('periods as publication cycles', () => {
  it('warns when an entry is dated before its period starts, not when it is published late', () => {
    expect(codes({ date: '2026-06-30', period: '2026-H2' })).toEqual(['period-not-started']);
    expect(codes({ date: '2027-01-08', period: '2026-H2' }, village)).toEqual(['wrong-year-folder']);
  });
});
