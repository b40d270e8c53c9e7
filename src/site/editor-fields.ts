/**
 * The web editor's form for one catalogue item, generated from the one entry schema and the
 * rules check applies (itemFields): the schema's fields in its order with their Chinese labels,
 * dates as dates, enums as choices, length limits as counters — and then only the fields the
 * item takes, required where check requires them, with check's own patterns and words. A form
 * per item is how Sveltia CMS, which has no conditional fields, shows a period only for
 * periodic items, stage and matter only for staged ones and the meeting only for 三重一大.
 */
import type { ZodType } from 'zod';
import { ENTRY_HELP } from '../domain/field-help.ts';
import { periodHint, PERIOD_PATTERNS } from '../domain/period.ts';
import { APPROVAL_RULE, itemFields, MEETING_RULE, noticeMinimum, REVIEW_RULE } from '../domain/rules/entry-rules.ts';
import { MOBILE_HINT, MOBILE_PATTERN, MOBILE_RULE } from '../domain/safety/personal-data.ts';
import { SCOPE_LABELS, type CatalogItem } from '../domain/schema/catalog.ts';
import { isoDateSchema } from '../domain/schema/common.ts';
import { ENTRY_FIELD_LABELS, ENTRY_NESTED_LABELS, entryFrontMatterSchema, STAGE_LABELS } from '../domain/schema/entry.ts';
import type { Site } from '../domain/schema/site.ts';

export interface EditorField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'select' | 'datetime' | 'number' | 'boolean' | 'object' | 'list' | 'markdown' | 'hidden';
  /** Absent on a hidden field, which Sveltia does not validate. */
  required?: boolean;
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
  /** Markdown editor options (the body). */
  modes?: string[];
  buttons?: string[];
  editor_components?: string[];
  linked_images?: boolean;
  use_markdown_shortcuts?: boolean;
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

/** A check of a zod schema (max length, bounds of a number, a regex and its message). */
function check(s: ZodType, kind: string): Record<string, unknown> | undefined {
  return def(s).checks?.find((c) => c._zod.def.check === kind || c._zod.def.format === kind)?._zod.def;
}
const messageOf = (c: Record<string, unknown>) => (typeof c.error === 'function' ? String((c.error as (i: unknown) => unknown)({})) : '');

const EXAMPLES = ENTRY_HELP.examples ?? {};
/** What a clerk needs to know to fill a field that an example does not show. */
const HINTS: Record<string, string> = {
  stage: '同一件事按酝酿、决策、实施、结果逐段公开，每个阶段一条',
  matter: '同一件事的各阶段写相同的编号，例如 taohua-road-2026（小写英文字母、数字和连字符）',
  expires: '到这一天以后不再上公开栏；不填就一直保留到被新的内容替换',
  board: '关掉时只上网站，不上公开栏',
  notice: '公示类内容勾选后填写：公示天数不少于本县规定',
  changes: '更正已发布的内容时加一条，写明哪天改了什么（会在网站上公开）',
  summary: '印在明白卡上的一句话；明白卡上一行最多约30个字',
};
const hintFor = (name: string) => HINTS[name] ?? (EXAMPLES[name] ? `例如：${EXAMPLES[name]!.replace(/^[\w]+: /, '')}` : undefined);

const ENUM_LABELS: Record<string, Record<string, string>> = { scope: SCOPE_LABELS, stage: STAGE_LABELS };

/** One field from its schema: widget, required, limits and pattern as the schema says. */
export function schemaField(name: string, label: string, s: ZodType, nested?: Record<string, string>): EditorField {
  const { schema, optional, defaultValue } = core(s);
  const d = def(schema);
  const hint = hintFor(name);
  const base = { name, label, required: !optional, ...(hint ? { hint } : {}), ...(defaultValue !== undefined ? { default: defaultValue } : {}) };
  if (schema === isoDateSchema) return { ...base, widget: 'datetime', type: 'date', format: 'YYYY-MM-DD' };
  switch (d.type) {
    case 'enum':
      return { ...base, widget: 'select', options: Object.values(d.entries!).map((v) => ({ value: v, label: ENUM_LABELS[name]?.[v] ?? v })) };
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'number': {
      // Bounds of whole numbers: "more than 0" is "at least 1".
      const gt = check(schema, 'greater_than');
      const lt = check(schema, 'less_than');
      const min = gt ? (gt.value as number) + (gt.inclusive ? 0 : 1) : undefined;
      const max = lt ? (lt.value as number) - (lt.inclusive ? 0 : 1) : undefined;
      return { ...base, widget: 'number', value_type: 'int', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'object':
      return { ...base, widget: 'object', fields: Object.entries(d.shape!).map(([k, v]) => schemaField(k, nested?.[k] ?? k, v)) };
    case 'array': {
      const shape = def(core(d.element!).schema).shape ?? {};
      return { ...base, widget: 'list', fields: Object.entries(shape).map(([k, v]) => schemaField(k, nested?.[k] ?? k, v)) };
    }
    case 'string': {
      const maxlength = check(schema, 'max_length')?.maximum as number | undefined;
      const regex = check(schema, 'regex');
      // The schema's own regex and message: the form says what check would say.
      const pattern: [string, string] | undefined = regex ? [(regex.pattern as RegExp).source, messageOf(regex)] : undefined;
      return { ...base, widget: 'string', ...(maxlength !== undefined ? { maxlength } : {}), ...(pattern ? { pattern } : {}) };
    }
    default:
      // Unions and transforms (period: 2026, 2026-H1 …) are typed as text; the item's form adds the pattern.
      return { ...base, widget: 'string' };
  }
}

/** Every front-matter field of the schema, in its order. */
export function schemaFields(): EditorField[] {
  return Object.entries(entryFrontMatterSchema.shape).map(([name, s]) =>
    schemaField(name, ENTRY_FIELD_LABELS[name] ?? name, s as ZodType, ENTRY_NESTED_LABELS[name]),
  );
}

/** Whole numbers from `min` up, written as a pattern (Sveltia's number field checks patterns too). */
export function atLeast(min: number): string {
  const digits = String(min).length;
  const small = Array.from({ length: 10 ** digits - min }, (_, i) => String(min + i));
  return `^(?:${[...small, `[1-9]\\d{${digits},}`].join('|')})$`;
}

/** Text that holds no personal mobile number, except the county's allowed ones (check finds the rest). */
function noMobile(site: Pick<Site, 'supervision_phone' | 'allowed_numbers'>): [string, string] {
  const allowed = [site.supervision_phone, ...site.allowed_numbers].map((n) => n.replace(/\D/g, '')).filter((n) => /^1[3-9]\d{9}$/.test(n));
  const except = allowed.map((n) => `(?!${n}(?!\\d))`).join('');
  return [`^(?![\\s\\S]*${except}${MOBILE_PATTERN})`, `${MOBILE_RULE}。${MOBILE_HINT}`];
}

/** The body: Markdown that the rich-text editor shows formatted and writes as plain Markdown (see tidy-markdown.ts). */
const BODY: EditorField = {
  name: 'body',
  label: '正文',
  widget: 'markdown',
  required: true,
  hint: '表格：从 Word、WPS 或 Excel 复制后直接粘贴；也可以一行写一行表格，例如“| 姓名 | 金额 |”，第一行是表头。图片：点工具栏的图片按钮上传 JPG 或 PNG。',
  modes: ['rich_text', 'raw'],
  // Typing "| a |" would otherwise start a table that swallows the next lines; rows stay text and are joined when saved.
  use_markdown_shortcuts: false,
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'bulleted-list', 'numbered-list', 'quote'],
  editor_components: ['image'],
  linked_images: false,
};

export type FormSite = Pick<Site, 'defaults' | 'supervision_phone' | 'allowed_numbers'>;

/**
 * The form for entries of one item: its id fixed, the fields it takes (itemFields) and the
 * county's rules (minimum notice, allowed numbers) as patterns with check's words.
 */
export function itemForm(item: Pick<CatalogItem, 'id' | 'name' | 'cadence' | 'scope'>, site: FormSite): EditorField[] {
  const wants = itemFields(item);
  const mobile = item.scope === 'public' ? noMobile(site) : undefined;
  const min = site.defaults.notice_min_days;
  const out: EditorField[] = [];
  for (const f of schemaFields()) {
    switch (f.name) {
      case 'item':
        out.push({ name: 'item', label: f.label, widget: 'hidden', default: item.id });
        break;
      case 'period':
        if (wants.period)
          out.push({
            ...f,
            required: true,
            pattern: [PERIOD_PATTERNS[wants.period].source, `期间的格式不对：${periodHint(wants.period)}`],
            hint: `这条内容属于哪一期（一般是发布日期所在的期间）：${periodHint(wants.period)}`,
          });
        break;
      case 'stage':
      case 'matter':
        if (wants.staged) out.push({ ...f, required: true });
        break;
      case 'meeting':
        if (wants.meeting) out.push({ ...f, required: true, hint: MEETING_RULE });
        break;
      case 'reviewed_by':
      case 'approved_by':
        out.push({
          ...f,
          required: wants.approvals,
          hint: `${f.name === 'reviewed_by' ? REVIEW_RULE : APPROVAL_RULE}${wants.approvals ? '' : '（本事项党内公开，可以不填）'}；${f.hint}`,
        });
        break;
      case 'scope':
        out.push({ ...f, hint: `不选时按公开目录：本事项${SCOPE_LABELS[item.scope]}` });
        break;
      case 'notice':
        out.push({
          ...f,
          fields: f.fields!.map((g) =>
            g.name === 'days'
              ? {
                  ...g,
                  hint: `不填按本县默认 ${site.defaults.notice_days} 个工作日；${noticeMinimum(min)}`,
                  pattern: [atLeast(min), `${noticeMinimum(min)}。`],
                }
              : g,
          ),
        });
        break;
      case 'summary':
        out.push({ ...f, maxlength: 30, ...(mobile ? { pattern: mobile } : {}) });
        break;
      case 'title':
        out.push({ ...f, ...(mobile ? { pattern: mobile } : {}) });
        break;
      default:
        out.push(f);
    }
  }
  return [...out, { ...BODY, ...(mobile ? { pattern: mobile } : {}) }];
}
