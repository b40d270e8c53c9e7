/**
 * Turns zod issues into findings clerks can act on: which field, what is wrong, how to fix it.
 * Kept apart from the schemas so every schema (entry, unit, board …) reports the same way.
 */
import type { z } from 'zod';
import { error, type Finding } from './diagnostics.ts';
import { didYouMean } from './suggest.ts';

export interface FieldHelp {
  /** Chinese label of each known field. */
  labels: Record<string, string>;
  /** An example line for a field, used when it is missing or wrong. */
  examples?: Record<string, string>;
  /** Chinese words clerks use for a field (标题 → title). */
  aliases?: Record<string, string>;
  /** Labels of the fields inside a group (meeting.present → 实到人数). */
  nested?: Record<string, Record<string, string>>;
  /** Fields clerks add that are not needed at all, with why (unit → 单位由文件夹决定). */
  needless?: Record<string, string>;
  /** Hints for a field typed inside a group that the group does not have (notice.end). */
  nestedAliases?: Record<string, Record<string, string>>;
  /** Words clerks type for a field's value (scope: 党内 → party), so the example is what they meant. */
  valueAliases?: Record<string, Record<string, string>>;
}

function fieldName(path: readonly PropertyKey[], help: FieldHelp): string {
  const names = path.filter((k): k is string => typeof k === 'string');
  const key = names[names.length - 1];
  if (key === undefined) return '该项';
  const group = names.length > 1 ? names[0]! : undefined;
  const label = group ? help.nested?.[group]?.[key] : help.labels[key];
  return label ? `“${label}”（${group ? `${group}.` : ''}${key}）` : key;
}

function exampleFor(path: readonly PropertyKey[], help: FieldHelp): string | undefined {
  const key = path.length ? path[path.length - 1] : undefined;
  return typeof key === 'string' ? help.examples?.[key] : undefined;
}

/** The example line for the value the clerk meant, when they typed it in Chinese (scope: 党内 → scope: party). */
function meantExample(path: readonly PropertyKey[], input: unknown, help: FieldHelp): string | undefined {
  const key = path.length ? path[path.length - 1] : undefined;
  if (typeof key !== 'string' || typeof input !== 'string') return undefined;
  const meant = help.valueAliases?.[key]?.[input.trim()];
  return meant ? `${key}: ${meant}` : undefined;
}

interface Walkable {
  _zod: { optin?: string; def: { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType } };
}

/** Down through optional, default and pipe layers to the schema that says what the value is. */
function unwrap(s: Walkable): Walkable {
  while (!s._zod.def.shape && !s._zod.def.element && (s._zod.def.innerType || s._zod.def.in)) s = (s._zod.def.innerType ?? s._zod.def.in) as never;
  return s;
}

/** The field at `path` of `schema`: whether it may be left out, and whether it is a group of lines (an object or a list). */
export function fieldAt(schema: z.ZodType, path: readonly (string | number)[]): { optional: boolean; group: boolean } | undefined {
  let s = schema as unknown as Walkable;
  for (const key of path) {
    const holder = unwrap(s)._zod.def;
    const next = typeof key === 'number' ? holder.element : holder.shape?.[key];
    if (!next) return undefined;
    s = next as unknown as Walkable;
  }
  const inner = unwrap(s)._zod.def;
  return { optional: s._zod.optin === 'optional', group: !!(inner.shape || inner.element) };
}

/**
 * A field written with nothing after its colon (YAML reads `notice:` as null), or as '': what
 * an editor that writes every field of its form leaves behind. Said as such, not as a type error.
 */
function emptyValue(path: (string | number)[], help: FieldHelp, field: { optional: boolean; group: boolean } | undefined): Finding {
  const key = [...path].reverse().find((k) => typeof k === 'string') ?? '';
  const example = exampleFor(path, help);
  const fill = example ? `填写内容，例如：${example}` : '在冒号后面填写内容';
  const hint = field?.optional ? `不需要${field.group ? '这一组内容' : '这一项'}时，请删除“${key}:”这一行；需要时请${fill}。` : `这一项必须填写：请${fill}。`;
  return error('empty-field', `${fieldName(path, help)}是空的`, hint, path);
}

export function zodFindings(err: z.ZodError, help: FieldHelp, code = 'invalid-field', schema?: z.ZodType): Finding[] {
  const out: Finding[] = [];
  for (const issue of err.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      // Inside a group (notice, meeting) the fields to offer are the group's own, not the top level's.
      const group = [...path].reverse().find((k): k is string => typeof k === 'string');
      const labels = group ? (help.nested?.[group] ?? {}) : help.labels;
      for (const key of issue.keys) {
        const bare = key.replace(/[\s:：]+$/, '');
        const needless = group ? undefined : help.needless?.[bare];
        if (needless) {
          out.push({ ...error('unknown-field', `不需要“${key}”这一行：${needless}`, `请删除“${key}:”这一行。`, [...path, key]), atKey: true });
          continue;
        }
        const alias = group ? help.nestedAliases?.[group]?.[bare] : help.aliases?.[bare];
        const known = Object.keys(labels).map((id) => ({ id, name: labels[id] }));
        const list = Object.keys(labels)
          .map((id) => `${id}（${labels[id]}）`)
          .join('、');
        const hint = alias
          ? group
            ? alias
            : `字段名要用英文：把“${key}”改为“${alias}”。`
          : (didYouMean(key, known) ?? `${group ? `${group} 里` : ''}可用的字段有：${group ? list : Object.keys(labels).join('、')}。`);
        out.push({ ...error('unknown-field', `不认识的字段“${key}”${group ? `（在 ${group} 里）` : ''}`, hint, [...path, key]), atKey: true });
      }
      continue;
    }
    if ((issue.code === 'invalid_type' && issue.input === null) || (issue.input === '' && path.length)) {
      out.push(emptyValue(path, help, schema && fieldAt(schema, path)));
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const meant = meantExample(path, issue.input, help);
    const example = meant ?? exampleFor(path, help);
    if (missing) {
      // Inside a group the field goes into the group, which may be written on one line ({ start: …, days: … }).
      const group = path.length > 1 && typeof path[0] === 'string' ? path[0] : undefined;
      const whole = group ? help.examples?.[group] : undefined;
      const hint = example ? (group ? `请在 ${group} 里加上 ${example}${whole ? `，例如：${whole}` : ''}` : `请添加一行，例如：${example}`) : undefined;
      out.push(error('missing-field', `缺少必填字段${fieldName(path, help)}`, hint, path.slice(0, -1)));
      continue;
    }
    out.push(error(code, `${fieldName(path, help)}：${issue.message}`, meant ? `请改为：${meant}` : example ? `示例：${example}` : undefined, path));
  }
  return out;
}

/** Safe-parses with inputs kept on issues, so a missing field can be told from a wrong one. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(data, { reportInput: true });
}
