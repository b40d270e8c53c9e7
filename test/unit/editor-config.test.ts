/**
 * The browser editor's form is generated from the entry schema and the catalogue: this holds
 * it to them field by field, and shows that what the form writes is what check accepts.
 */
import type { ZodType } from 'zod';
import { describe, expect, it } from 'vitest';
import { LEVELS } from '../../src/domain/schema/catalog.ts';
import { isoDateSchema } from '../../src/domain/schema/common.ts';
import { entryFrontMatterSchema, STAGES } from '../../src/domain/schema/entry.ts';
import { editorConfig, entryFields, type EditorField } from '../../src/site/editor-config.ts';
import { editorScript, ICON_FONT_LOCAL, sveltiaFile } from '../../src/site/editor-assets.ts';
import { MINI, TEMPLATES } from '../helpers.ts';
import { loadProject } from '../../src/content/load-project.ts';

const project = loadProject({ contentDir: MINI, templatesDir: TEMPLATES }).project!;
const shape = entryFrontMatterSchema.shape as Record<string, ZodType>;
const optin = (s: ZodType) => (s as unknown as { _zod: { optin?: string } })._zod.optin;

/** Unwraps optional/default layers to the value's own schema. */
function inner(s: ZodType): ZodType {
  let t = s as unknown as { _zod: { def: { type: string; innerType?: ZodType } } };
  while (t._zod.def.type === 'optional' || t._zod.def.type === 'default') t = t._zod.def.innerType as never;
  return t as unknown as ZodType;
}

describe('the editor form, generated from the one schema', () => {
  for (const level of LEVELS) {
    const fields = entryFields(project, level);
    it(`has every front-matter field in the schema's order, then the body (${level})`, () => {
      expect(fields.map((f) => f.name)).toEqual([...Object.keys(shape), 'body']);
    });
    it(`asks for what the schema requires, no more (${level})`, () => {
      for (const f of fields.slice(0, -1)) expect(f.required, f.name).toBe(optin(shape[f.name]!) !== 'optional' && optin(shape[f.name]!) !== 'defaulted');
    });
    it(`offers exactly the items of the level, by id, with their names (${level})`, () => {
      const item = fields.find((f) => f.name === 'item')!;
      const expected = [...project.catalog.items.values()].filter((i) => i.levels.includes(level));
      expect(item.options).toEqual(expected.map((i) => ({ value: i.id, label: `${i.name}（${i.id}）` })));
    });
  }

  const fields = entryFields(project, 'village');
  const byName = new Map(fields.map((f) => [f.name, f]));
  it('makes every date a date picker writing YYYY-MM-DD, and nothing else one', () => {
    const dates = (list: EditorField[], s: Record<string, ZodType>): [string, boolean, boolean][] =>
      list.filter((f) => s[f.name]).map((f) => [f.name, f.widget === 'datetime' && f.format === 'YYYY-MM-DD', inner(s[f.name]!) === isoDateSchema]);
    for (const [name, widget, schema] of dates(fields, shape)) expect(widget, name).toBe(schema);
    const notice = byName.get('notice')!;
    expect(notice.fields!.find((f) => f.name === 'start')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD' });
  });
  it('carries the schema’s patterns into the form (an id as the matter)', () => {
    expect(new RegExp(byName.get('matter')!.pattern![0]).test('taohua-road-2026')).toBe(true);
    expect(new RegExp(byName.get('matter')!.pattern![0]).test('桃花路')).toBe(false);
  });
  it('gives the enums as choices with Chinese labels', () => {
    expect(byName.get('stage')!.options!.map((o) => o.value)).toEqual([...STAGES]);
    expect(byName.get('scope')!.options).toEqual([
      { value: 'public', label: '社会公开' },
      { value: 'party', label: '党内公开' },
    ]);
    expect(byName.get('board')).toMatchObject({ widget: 'boolean', default: true });
  });
  it('labels every field, nested ones too, in Chinese', () => {
    const all = (list: EditorField[]): EditorField[] => list.flatMap((f) => [f, ...all(f.fields ?? [])]);
    for (const f of all(fields)) expect(f.label, f.name).toMatch(/\p{Script=Han}/u);
    expect(byName.get('meeting')!.fields!.map((f) => f.name)).toEqual(['name', 'date', 'expected', 'present', 'vote']);
    expect(byName.get('changes')!.fields!.map((f) => f.name)).toEqual(['date', 'note']);
  });
  it('writes what check accepts: a filled form parses with the entry schema', () => {
    const sample: Record<string, unknown> = {};
    const value = (f: EditorField): unknown =>
      f.widget === 'datetime'
        ? '2026-11-20'
        : f.widget === 'select'
          ? f.options![0]!.value
          : f.widget === 'number'
            ? 5
            : f.widget === 'boolean'
              ? true
              : f.widget === 'object'
                ? Object.fromEntries(f.fields!.map((g) => [g.name, value(g)]))
                : f.widget === 'list'
                  ? [Object.fromEntries(f.fields!.map((g) => [g.name, value(g)]))]
                  : f.pattern
                    ? 'taohua-road-2026'
                    : '甲村党支部';
    for (const f of fields.slice(0, -1)) sample[f.name] = value(f);
    expect((entryFrontMatterSchema.safeParse(sample).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });
  it('uses the review workflow with Chinese commit messages once a forge is set, and lists the units', () => {
    const configured = editorConfig({
      ...project,
      site: { ...project.site, editor: { forge: 'gitlab', repo: 'county/dwgk', branch: 'main', content_path: 'content' } },
    });
    expect(configured.cms).toMatchObject({ publish_mode: 'editorial_workflow', backend: { name: 'gitlab', repo: 'county/dwgk', branch: 'main' } });
    expect((configured.cms.backend as { commit_messages: { create: string } }).commit_messages.create).toContain('新增条目');
    expect(editorConfig(project).configured).toBe(project.site.editor !== undefined);
    expect(configured.units.map((u) => u.id)).toEqual(project.units.filter((u) => u.kind !== 'county-committee').map((u) => u.id));
  });
});

describe('the editor served without a CDN', () => {
  it('points the icon font at this site, and the script still asks for its texts where the page serves them', () => {
    const script = editorScript();
    // Booleans, not the 2 MB script in a failure message.
    expect(/jsdelivr\.net\/fontsource\/fonts\/material-symbols/.test(script)).toBe(false);
    expect(script.includes(ICON_FONT_LOCAL)).toBe(true);
    // src/site/client/editor.ts rewrites these requests to admin/locales/: the address must still be built this way.
    const original = sveltiaFile('dist/sveltia-cms.js');
    expect(original.includes('`https://unpkg.com/@sveltia/cms`')).toBe(true);
    expect(/=`\$\{\w+\}@\$\{\w+\}\/locales`/.test(original)).toBe(true);
  });
});
