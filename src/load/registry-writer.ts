/**
 * units.yaml and boards.yaml rewritten after an import, as edits to the file's own YAML document:
 * comments, key order, quoting and flow style of untouched records stay as the office typed them,
 * and a changed record changes only in the fields the sheet changed.
 */
import { isMap, isSeq, parseDocument, type YAMLSeq } from 'yaml';
import type { RegistryPlan } from '../domain/import/sheet.ts';

const isEmpty = (v: unknown) => v === undefined || (Array.isArray(v) && v.length === 0);

export function renderRegistry<T extends object>(existingText: string, plan: Pick<RegistryPlan<T>, 'records' | 'changed' | 'added'>, header: string): string {
  let doc = parseDocument(existingText);
  // An empty registry (`[]`, or nothing but comments) starts over from its header comment.
  if (!isSeq(doc.contents) || doc.contents.items.length === 0) doc = parseDocument(`${header}\n[]\n`);
  const seq = doc.contents as YAMLSeq;
  // An empty registry is written as `[]`; records are appended in block style.
  seq.flow = false;
  for (const i of plan.changed.keys()) {
    const node = seq.items[i];
    if (!isMap(node)) continue;
    const current = node.toJSON() as Record<string, unknown>;
    for (const [key, value] of Object.entries(plan.records[i] as Record<string, unknown>)) {
      if (JSON.stringify(current[key]) === JSON.stringify(value) || (current[key] === undefined && isEmpty(value))) continue;
      node.set(key, doc.createNode(value));
    }
  }
  for (const i of plan.added) {
    const record = Object.fromEntries(Object.entries(plan.records[i] as Record<string, unknown>).filter(([, v]) => !isEmpty(v)));
    seq.items.push(doc.createNode(record));
  }
  return doc.toString({ lineWidth: 0 });
}
