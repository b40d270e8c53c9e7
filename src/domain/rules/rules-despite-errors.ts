/**
 * Front matter that fails its schema, made good enough to run the cross-file rules on, so that
 * `check` lists every problem of a file at once. A clerk who typed `date: 2026年12月2日` and
 * forgot the approver should hear about both in one run, not fix the date and only then learn
 * of the approver (the README promises "一次列出所有错误").
 *
 * Each top-level field the schema refuses is repaired where the fix is certain (a date in another
 * common form: the same guess the message offers) or left out where it is optional. A required
 * field that cannot be repaired gives up: rules run on guesses would report things that are not
 * so. The caller drops every rule finding on a field touched here — the schema has spoken for
 * it — and never publishes the repaired data: the file still has errors.
 */
import type { z } from 'zod';
import { guessIsoDate } from '../dates.ts';
import type { Finding } from '../diagnostics.ts';

export interface RepairedForRules<T> {
  data: T;
  /** Top-level fields repaired or left out: rule findings on them are not reported. */
  touched: Set<string>;
}

export function repairForRules<T extends z.ZodType>(schema: T, value: unknown): RepairedForRules<z.output<T>> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const first = schema.safeParse(value);
  if (first.success) return { data: first.data, touched: new Set() };
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  const touched = new Set<string>();
  for (const issue of first.error.issues) {
    const key = issue.path[0];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) delete copy[k];
      continue;
    }
    if (typeof key !== 'string' || touched.has(key)) continue;
    touched.add(key);
    const raw = copy[key];
    const date = typeof raw === 'string' && issue.path.length === 1 ? guessIsoDate(raw.normalize('NFKC')) : undefined;
    if (date) copy[key] = date;
    else delete copy[key];
  }
  const second = schema.safeParse(copy);
  return second.success ? { data: second.data, touched } : undefined;
}

/** Rules that report a field as missing name no path; the field they are about, by code. */
const MISSING: Record<string, string> = {
  'missing-period': 'period',
  'missing-stage': 'stage',
  'missing-matter': 'matter',
  'missing-review': 'reviewed_by',
  'missing-approval': 'approved_by',
  'missing-meeting': 'meeting',
};

/** Whether a rule's finding is about a field the schema already reported (and repairForRules touched). */
export function aboutTouched(f: Finding, touched: ReadonlySet<string>): boolean {
  const field = f.path?.length ? String(f.path[0]) : MISSING[f.code];
  return field !== undefined && touched.has(field);
}
