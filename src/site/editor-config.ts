/**
 * The browser editor's configuration (Sveltia CMS at /admin/), generated from the one entry
 * schema and the catalogue — never written by hand, so the form asks for exactly what `check`
 * accepts: the fields in the schema's order with their Chinese labels, the items a unit's level
 * may publish, dates as dates, the enums as choices, notice, meeting and change notes as
 * groups. The browser adds the collection of the unit the clerk picked (site/client/editor.ts).
 */
import type { ZodType } from 'zod';
import { ENTRY_HELP } from '../domain/field-help.ts';
import type { Project } from '../domain/model.ts';
import { LEVELS, SCOPE_LABELS, type Level } from '../domain/schema/catalog.ts';
import { isoDateSchema } from '../domain/schema/common.ts';
import { ENTRY_FIELD_LABELS, ENTRY_NESTED_LABELS, entryFrontMatterSchema, STAGE_LABELS } from '../domain/schema/entry.ts';
import { LEVEL_OF_KIND } from '../domain/schema/unit.ts';

export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'select' | 'datetime' | 'number' | 'boolean' | 'object' | 'list' | 'markdown';
  required: boolean;
  hint?: string;
  default?: unknown;
  options?: { label: string; value: string }[];
  fields?: EditorField[];
  type?: 'date';
  format?: string;
  value_type?: 'int';
  min?: number;
  max?: number;
  maxlength?: number;
  /** A regular expression the value must match, and the message when it does not (Sveltia's `pattern`). */
  pattern?: [string, string];
}

export interface EditorUnit {
  id: string;
  name: string;
  level: Level;
  /** The town a village belongs to, for the picker. */
  parent?: string;
}

export interface EditorConfig {
  /** Sveltia CMS options shared by every unit (backend, workflow, commit messages …). */
  cms: Record<string, unknown>;
  /** Whether a forge is set in site.yaml; without it only the practice mode works. */
  configured: boolean;
  /** The content folder inside the repository. */
  contentPath: string;
  units: EditorUnit[];
  /** The entry form for each level (the items differ). */
  fields: Record<Level, EditorField[]>;
}

interface ZodInternals {
  _zod: {
    def: {
      type: string;
      innerType?: ZodType;
      in?: ZodType;
      shape?: Record<string, ZodType>;
      element?: ZodType;
      entries?: Record<string, string>;
      defaultValue?: unknown;
      checks?: { _zod: { def: Record<string, unknown> } }[];
    };
    optin?: string;
  };
}
const def = (s: ZodType) => (s as unknown as ZodInternals)._zod.def;

/** Unwraps optional, default and pipe layers: the schema that says what the value is. */
function core(s: ZodType): { schema: ZodType; optional: boolean; defaultValue?: unknown } {
  let t = s;
  let optional = false;
  let defaultValue: unknown;
  for (;;) {
    const d = def(t);
    if (d.type === 'optional') optional = true;
    else if (d.type === 'default') {
      optional = true;
      defaultValue = typeof d.defaultValue === 'function' ? (d.defaultValue as () => unknown)() : d.defaultValue;
    } else if (d.type !== 'pipe') break;
    t = (d.innerType ?? d.in)!;
  }
  return { schema: t, optional, ...(defaultValue !== undefined ? { defaultValue } : {}) };
}

/** A check's value from a zod schema (max length, min/max of a number). */
function check(s: ZodType, kind: string, key: string): number | undefined {
  for (const c of def(s).checks ?? []) if (c._zod.def.check === kind) return c._zod.def[key] as number;
  return undefined;
}

const EXAMPLES = ENTRY_HELP.examples ?? {};
/** What a clerk needs to know to fill a field that an example does not show. */
const HINTS: Record<string, string> = {
  scope: '不选时按公开目录：多数事项社会公开，“三会一课”、民主评议等党内公开',
  period: '定期公开的事项必填：2026（年度）、2026-H1（上半年）、2026-Q3（第三季度）或 2026-07（月）',
  stage: '逐段公开的事项（党内重大事项决策、换届选举等）必填',
  matter: '逐段公开的事项必填：同一件事的各阶段写相同的编号，例如 taohua-road-2026',
  board: '关掉时只上网站，不上公开栏',
  notice: '公示类内容填写：公示天数不少于本县规定（一般5个工作日）',
  meeting: '只有“三重一大”事项填写',
  changes: '更正已发布的内容时加一条，写明哪天改了什么（会在网站上公开）',
  summary: '明白卡上的一句话，30个字以内',
};
const hintFor = (name: string) => HINTS[name] ?? (EXAMPLES[name] ? `例如：${EXAMPLES[name]!.replace(/^[\w]+: /, '')}` : undefined);

const ENUM_LABELS: Record<string, Record<string, string>> = { scope: SCOPE_LABELS, stage: STAGE_LABELS };

function field(name: string, label: string, s: ZodType, nested: Record<string, string> | undefined, items: EditorField['options']): EditorField {
  const { schema, optional, defaultValue } = core(s);
  const d = def(schema);
  const base = {
    name,
    label,
    required: !optional,
    ...(hintFor(name) ? { hint: hintFor(name) } : {}),
    ...(defaultValue !== undefined ? { default: defaultValue } : {}),
  };
  if (name === 'item' && items) return { ...base, widget: 'select', options: items, hint: '本单位这一级可以公开的事项' };
  if (schema === isoDateSchema) return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
  switch (d.type) {
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(d.entries!).map((v) => ({ value: v, label: ENUM_LABELS[name]?.[v] ?? v })) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'number': {
      const min = check(schema, 'greater_than', 'value');
      const max = check(schema, 'less_than', 'value');
      return { ...base, widget: 'number', value_type: 'int', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'object':
      return { ...base, widget: 'object', fields: Object.entries(d.shape!).map(([k, v]) => field(k, nested?.[k] ?? k, v, undefined, undefined)) };
    case 'array': {
      const element = core(d.element!).schema;
      const shape = def(element).shape ?? {};
      return { ...base, widget: 'list', fields: Object.entries(shape).map(([k, v]) => field(k, nested?.[k] ?? k, v, undefined, undefined)) };
    }
    case 'string': {
      const maxlength = check(schema, 'max_length', 'maximum');
      const regex = (def(schema).checks ?? []).find((c) => c._zod.def.format === 'regex')?._zod.def;
      const pattern: [string, string] | undefined = regex
        ? [(regex.pattern as RegExp).source, '只能用小写英文字母、数字和连字符“-”，例如 taohua-road-2026']
        : undefined;
      return { ...base, widget: 'string', ...(maxlength !== undefined ? { maxlength } : {}), ...(pattern ? { pattern } : {}) };
    }
    default:
      // Unions and transforms (period: 2026, 2026-H1 …) are typed as text; check explains a wrong one.
      return { ...base, widget: 'string' };
  }
}

/** The entry form for units of one level: every field of the entry schema, then the body. */
export function entryFields(project: Pick<Project, 'catalog'>, level: Level): EditorField[] {
  const items = [...project.catalog.items.values()].filter((i) => i.levels.includes(level)).map((i) => ({ value: i.id, label: `${i.name}（${i.id}）` }));
  const fields = Object.entries(entryFrontMatterSchema.shape).map(([name, s]) =>
    field(name, ENTRY_FIELD_LABELS[name] ?? name, s as ZodType, ENTRY_NESTED_LABELS[name], items),
  );
  return [...fields, { name: 'body', label: '正文', widget: 'markdown', required: false, hint: '表格用“| 列 | 列 |”；图片放在本单位文件夹里' }];
}

const COMMIT_MESSAGES = {
  create: '新增条目 {{slug}}',
  update: '修改条目 {{slug}}',
  delete: '删除条目 {{slug}}',
  uploadMedia: '上传图片 {{path}}',
  deleteMedia: '删除图片 {{path}}',
  openAuthoring: '{{message}}',
};

export function editorConfig(project: Project): EditorConfig {
  const e = project.site.editor;
  const backend = e
    ? {
        name: e.forge,
        repo: e.repo,
        branch: e.branch,
        ...(e.base_url ? { base_url: e.base_url } : {}),
        ...(e.app_id ? { app_id: e.app_id, auth_type: 'pkce' } : {}),
        // Commit messages in Chinese: reviewers read them in the pull request (they are never published).
        commit_messages: COMMIT_MESSAGES,
      }
    : undefined;
  return {
    configured: !!e,
    contentPath: e?.content_path ?? 'content',
    cms: {
      ...(backend ? { backend } : {}),
      // Draft → in review → ready: each entry is a branch and a pull request, checked like any other.
      publish_mode: 'editorial_workflow',
      site_url: project.site.base_url,
      slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    },
    units: project.units
      .filter((u) => u.kind !== 'county-committee')
      .map((u) => ({ id: u.id, name: u.name, level: LEVEL_OF_KIND[u.kind], ...(u.parent ? { parent: u.parent } : {}) })),
    fields: Object.fromEntries(LEVELS.map((l) => [l, entryFields(project, l)])) as Record<Level, EditorField[]>,
  };
}
