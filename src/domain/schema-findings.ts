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

export function zodFindings(err: z.ZodError, help: FieldHelp, code = 'invalid-field'): Finding[] {
  const out: Finding[] = [];
  for (const issue of err.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const alias = help.aliases?.[key.replace(/[\s:：]+$/, '')];
        const known = Object.keys(help.labels).map((id) => ({ id, name: help.labels[id] }));
        const hint = alias
          ? `字段名要用英文：把“${key}”改为“${alias}”。`
          : (didYouMean(key, known) ?? `可用的字段有：${Object.keys(help.labels).join('、')}。`);
        out.push({ ...error('unknown-field', `不认识的字段“${key}”`, hint, [...path, key]), atKey: true });
      }
      continue;
    }
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const example = exampleFor(path, help);
    if (missing) {
      out.push(error('missing-field', `缺少必填字段${fieldName(path, help)}`, example ? `请添加一行，例如：${example}` : undefined, path.slice(0, -1)));
      continue;
    }
    out.push(error(code, `${fieldName(path, help)}：${issue.message}`, example ? `示例：${example}` : undefined, path));
  }
  return out;
}

/** Safe-parses with inputs kept on issues, so a missing field can be told from a wrong one. */
export function parseWith<T extends z.ZodType>(schema: T, data: unknown): z.ZodSafeParseResult<z.output<T>> {
  return schema.safeParse(data, { reportInput: true });
}
