/**
 * The browser editor's forms are generated from the entry schema, the catalogue and check's
 * rules: this holds them to those, item by item — the fields each item takes and no others,
 * required where check requires them, check's patterns with check's words — and shows that a
 * form filled as it allows is an entry check accepts.
 */
import type { ZodType } from 'zod';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/load-project.ts';
import { parsePeriod, PERIODIC_CADENCES, periodHint, type PeriodKind } from '../../src/domain/period.ts';
import { checkEntry, itemFields, noticeMinimum } from '../../src/domain/rules/entry-rules.ts';
import { MOBILE_RULE } from '../../src/domain/safety/personal-data.ts';
import { LEVELS } from '../../src/domain/schema/catalog.ts';
import { entryFrontMatterSchema, STAGES } from '../../src/domain/schema/entry.ts';
import { LEVEL_OF_KIND } from '../../src/domain/schema/unit.ts';
import { editorConfig, levelItems, type EditorField } from '../../src/site/editor-config.ts';
import { atLeast } from '../../src/site/editor-fields.ts';
import { unitCollections } from '../../src/site/client/editor.ts';
import { MINI, TEMPLATES } from '../helpers.ts';

const project = loadProject({ contentDir: MINI, templatesDir: TEMPLATES }).project!;
const shape = entryFrontMatterSchema.shape as Record<string, ZodType>;
const optin = (s: ZodType) => (s as unknown as { _zod: { optin?: string } })._zod.optin;
const items = [...project.catalog.items.values()];
const cfg = editorConfig(project);

/** A pattern as Sveltia reads it: a plain source, or /source/flags. */
const regex = ([p]: [string, string]) => {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(p);
  return m ? new RegExp(m[1]!, m[2]) : new RegExp(p);
};

/** The fields each item takes besides the ones every entry has. */
const SOMETIMES = ['period', 'stage', 'matter', 'meeting'];

describe('one collection per catalogue item, each with its own form', () => {
  for (const level of LEVELS) {
    it(`lists exactly the items of the level, in the catalogue's order, by name (${level})`, () => {
      expect(cfg.items[level].map((i) => [i.id, i.name])).toEqual(items.filter((i) => i.levels.includes(level)).map((i) => [i.id, i.name]));
    });
  }

  for (const item of items) {
    const form = levelItems(project, item.levels[0]!).find((i) => i.id === item.id)!.fields;
    const byName = new Map(form.map((f) => [f.name, f]));
    const wants = itemFields(item);
    it(`has the schema's fields in its order, only those ${item.id} takes, then the body`, () => {
      const taken = (n: string) =>
        !SOMETIMES.includes(n) ||
        (n === 'period' && !!wants.period) ||
        ((n === 'stage' || n === 'matter') && wants.staged) ||
        (n === 'meeting' && wants.meeting);
      expect(form.map((f) => f.name)).toEqual([...Object.keys(shape).filter(taken), 'body']);
      expect(byName.get('item')).toEqual({ name: 'item', label: '公开事项', widget: 'hidden', default: item.id });
    });
    it(`requires what check requires of ${item.id}`, () => {
      for (const f of form.filter((g) => g.widget !== 'hidden' && g.name !== 'body')) {
        const required = optin(shape[f.name]!) !== 'optional' && optin(shape[f.name]!) !== 'defaulted';
        const byRule = SOMETIMES.includes(f.name) || ((f.name === 'reviewed_by' || f.name === 'approved_by') && wants.approvals);
        expect(f.required, f.name).toBe(required || byRule);
      }
      expect(byName.get('body')!.required).toBe(true);
    });
  }
});

describe('the forms carry check’s rules, in check’s words', () => {
  const form = (id: string) => levelItems(project, 'village').find((i) => i.id === id)!.fields;
  const get = (id: string, name: string) => form(id).find((f) => f.name === name)!;

  it('gives each periodic item the pattern of its cadence, with the hint check gives', () => {
    const byCadence: Record<PeriodKind, string> = { annual: 'dues-usage', semiannual: 'dues-collection', quarterly: 'contact-service', monthly: 'sanhui-yike' };
    const samples = ['2026', '2026-H2', '2026-Q4', '2026-11', '2026-13', '2026-Q5', '2026年', 'H1'];
    for (const kind of PERIODIC_CADENCES as PeriodKind[]) {
      const f = get(byCadence[kind], 'period');
      expect(f.pattern![1]).toContain(periodHint(kind));
      for (const s of samples) expect(regex(f.pattern!).test(s), `${kind} ${s}`).toBe(parsePeriod(s)?.kind === kind);
    }
  });

  it('refuses a matter that is not an id, with the schema’s message', () => {
    const f = get('major-decisions', 'matter');
    expect(regex(f.pattern!).test('taohua-road-2026')).toBe(true);
    expect(regex(f.pattern!).test('桃花路')).toBe(false);
    expect(f.pattern![1]).toBe('标识只能由小写英文字母、数字和连字符“-”组成，例如 dues-collection');
    expect(get('major-decisions', 'stage').options!.map((o) => o.value)).toEqual([...STAGES]);
  });

  it('refuses a notice shorter than the county’s minimum, in the words of notice-too-short', () => {
    const days = get('recruitment-publicity', 'notice').fields!.find((f) => f.name === 'days')!;
    const min = project.site.defaults.notice_min_days;
    expect(days.pattern![1]).toContain(noticeMinimum(min));
    for (let n = 0; n <= 70; n++) expect(regex(days.pattern!).test(String(n)), String(n)).toBe(n >= min);
  });

  it('writes patterns for every minimum a county may set', () => {
    for (const min of [1, 3, 5, 9, 10, 15, 60]) {
      for (let n = 0; n <= 130; n++) expect(new RegExp(atLeast(min)).test(String(n)), `${min}: ${n}`).toBe(n >= min);
    }
  });

  it('refuses a personal mobile number in public entries (title, summary, body), not in party ones, nor an allowed number', () => {
    for (const name of ['title', 'summary', 'body']) {
      const f = get('dues-collection', name);
      expect(f.pattern![1], name).toContain(MOBILE_RULE);
      expect(regex(f.pattern!).test('联系人张三，电话 138 1234 5678。'), name).toBe(false);
      expect(regex(f.pattern!).test('监督电话 0000-6123456，金额 13800.00 元'), name).toBe(true);
      expect(get('sanhui-yike', name).pattern, name).toBeUndefined();
    }
    const allowed = levelItems({ ...project, site: { ...project.site, allowed_numbers: ['13800001111'] } }, 'village').find((i) => i.id === 'dues-collection')!;
    const body = allowed.fields.find((f) => f.name === 'body')!;
    expect(regex(body.pattern!).test('公务手机 13800001111')).toBe(true);
    expect(regex(body.pattern!).test('个人手机 13800002222')).toBe(false);
  });

  it('counts the summary to the card’s line; dates are date pickers writing YYYY-MM-DD, numbers whole within bounds', () => {
    expect(get('dues-collection', 'summary').maxlength).toBe(30);
    for (const name of ['date', 'expires']) expect(get('dues-collection', name)).toMatchObject({ widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' });
    expect(get('dues-collection', 'notice').fields![0]).toMatchObject({ name: 'start', widget: 'datetime', format: 'YYYY-MM-DD' });
    // Whole numbers within the schema's bounds.
    expect(get('recruitment-publicity', 'notice').fields![1]).toMatchObject({ name: 'days', widget: 'number', value_type: 'int', min: 1, max: 60 });
    expect(get('sanzhong-yida', 'meeting').fields!.find((f) => f.name === 'present')).toMatchObject({ widget: 'number', min: 0, max: 1000 });
  });

  it('writes what check accepts: each item’s form, filled as it allows, is an entry without errors', () => {
    for (const level of LEVELS) {
      const unit = project.units.find((u) => LEVEL_OF_KIND[u.kind] === level)!;
      for (const { id, fields } of levelItems(project, level)) {
        const sample = (f: EditorField): unknown => {
          if (f.widget === 'hidden') return f.default;
          if (f.widget === 'datetime') return f.name === 'expires' ? '2026-12-31' : '2026-11-20';
          if (f.widget === 'select') return f.options![0]!.value;
          if (f.widget === 'number') return f.name === 'days' ? project.site.defaults.notice_min_days : 5;
          if (f.widget === 'boolean') return true;
          if (f.widget === 'object') return Object.fromEntries(f.fields!.map((g) => [g.name, sample(g)]));
          if (f.widget === 'list') return [Object.fromEntries(f.fields!.map((g) => [g.name, sample(g)]))];
          if (f.name === 'period') return ['2026', '2026-H2', '2026-Q4', '2026-11'].find((p) => regex(f.pattern!).test(p));
          if (f.name === 'matter') return 'taohua-road-2026';
          return '甲村党支部';
        };
        const fm = Object.fromEntries(fields.filter((f) => f.name !== 'body').map((f) => [f.name, sample(f)]));
        // scope: the catalogue's, as a clerk who leaves the choice alone gets.
        delete fm.scope;
        const parsed = entryFrontMatterSchema.safeParse(fm);
        expect(parsed.error?.issues ?? [], id).toEqual([]);
        const { findings } = checkEntry(parsed.data!, { catalog: project.catalog, site: project.site, unit, yearFolder: 2026 });
        expect(
          findings.filter((f) => f.severity === 'error').map((f) => f.code),
          `${level} ${id}`,
        ).toEqual([]);
      }
    }
  });
});

describe('the editor’s settings', () => {
  it('uses the review workflow with Chinese commit messages once a forge is set, and lists the units', () => {
    const configured = editorConfig({
      ...project,
      site: { ...project.site, editor: { forge: 'gitlab', repo: 'county/dwgk', branch: 'main', content_path: 'content' } },
    });
    expect(configured.cms).toMatchObject({ publish_mode: 'editorial_workflow', backend: { name: 'gitlab', repo: 'county/dwgk', branch: 'main' } });
    expect((configured.cms.backend as { commit_messages: { create: string } }).commit_messages.create).toContain('新增条目');
    expect(cfg.configured).toBe(project.site.editor !== undefined);
    expect(configured.units.map((u) => u.id)).toEqual(project.units.filter((u) => u.kind !== 'county-committee').map((u) => u.id));
  });

  it('leaves empty fields out, names uploaded images without spaces, refuses images over the county’s limit, offers no stock photos', () => {
    expect(cfg.cms).toMatchObject({
      output: { omit_empty_optional_fields: true },
      slug: { encoding: 'unicode', sanitize_replacement: '-' },
      media_libraries: { default: { config: { slugify_filename: true, max_file_size: project.site.defaults.max_image_kb * 1024 } }, stock_assets: false },
    });
  });

  it('gives each of a unit’s boards a 张贴记录 collection: a dated record and its photo in content/postings/<board>/', () => {
    const unit = cfg.units.find((u) => u.id === 'v-demo-a')!;
    expect(unit.boards).toEqual([{ id: 'b-v-demo-a', location: '村委会门前广场' }]);
    const posting = unitCollections(unit, cfg).find((c) => c.name === 'posting-b-v-demo-a')!;
    expect(posting).toMatchObject({ folder: 'content/postings/b-v-demo-a', format: 'yaml', media_folder: '', public_folder: '' });
    expect((posting.fields as EditorField[]).map((f) => [f.name, f.widget])).toEqual([
      ['date', 'datetime'],
      ['photo', 'image'],
    ]);
    expect(cfg.units.find((u) => u.id === 'county')).toBeUndefined();
  });
});
