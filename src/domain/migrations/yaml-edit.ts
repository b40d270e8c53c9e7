/**
 * Small edits to a YAML file a person wrote, keeping every other byte: the webmaster's comments,
 * alignment and blank lines survive a migration, so its report shows only the lines that moved.
 * The `yaml` package's Document finds where a key's lines are; the edit splices those lines.
 * Where the file's shape does not allow a line edit (flow maps, a map left empty), the edit goes
 * through the Document, which keeps comments but re-spaces the file.
 */
import { isMap, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';

export interface MoveResult {
  text: string;
  /** What was done, in Chinese, for the report; empty when the key was not there. */
  notes: string[];
}

const keyName = (path: readonly string[]) => path.join('.');

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

/** Start of the line holding `offset`. */
const lineStart = (text: string, offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
/** Just past the newline ending the line holding `offset` (or the end of the text). */
function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** A block map whose items start lines of their own (not `{ a: 1 }`). */
const isBlockMap = (node: unknown): node is YAMLMap => isMap(node) && !node.flow;

/**
 * Moves `key` from the map at `from` to the map at `to` (both lists of keys from the top). A
 * value already at the destination wins; the old one is dropped and the notes say so. Returns
 * the text unchanged, with no notes, when the key is not at `from`.
 */
export function moveMapEntry(text: string, from: readonly string[], key: string, to: readonly string[]): MoveResult {
  const doc = parseDocument(text);
  if (doc.errors.length) return { text, notes: [] };
  const source = doc.getIn(from, true);
  if (!isMap(source)) return { text, notes: [] };
  const pair = pairOf(source, key);
  if (!pair) return { text, notes: [] };
  const value = doc.getIn([...from, key]);
  const target = doc.getIn(to, true);
  const existing = isMap(target) ? pairOf(target, key) : undefined;
  const notes = existing
    ? [`${keyName(to)}.${key} 已经有值（${String(doc.getIn([...to, key]))}），删除 ${keyName(from)}.${key}: ${String(value)}`]
    : [`${keyName(from)}.${key}: ${String(value)} 移到 ${keyName(to)}.${key}`];
  const spliced = spliceMove(text, doc, source, pair, existing ? undefined : { target, to });
  const moved = spliced !== undefined && movedCorrectly(spliced, from, key, to, existing ? doc.getIn([...to, key]) : value);
  return { text: moved ? spliced : throughDocument(doc, from, key, to, !existing), notes };
}

function spliceMove(
  text: string,
  doc: Document,
  source: YAMLMap,
  pair: Pair,
  dest: { target: unknown; to: readonly string[] } | undefined,
): string | undefined {
  if (!isBlockMap(source) || source.items.length < 2) return undefined;
  const keyNode = pair.key as { range?: [number, number, number] };
  const valueNode = pair.value as { range?: [number, number, number] } | null;
  if (!keyNode.range || !valueNode?.range) return undefined;
  const start = lineStart(text, keyNode.range[0]);
  if (text.slice(start, keyNode.range[0]).trim() !== '') return undefined;
  const end = lineEnd(text, Math.max(valueNode.range[1] - 1, keyNode.range[0]));
  const lines = text.slice(start, end);
  if (!dest) return text.slice(0, start) + text.slice(end);
  const oldIndent = /^[ ]*/.exec(lines)![0];
  const reindent = (indent: string) =>
    lines
      .split('\n')
      .map((l) => (l.startsWith(oldIndent) ? indent + l.slice(oldIndent.length) : l))
      .join('\n');
  let insertAt: number;
  let insert: string;
  if (dest.target === undefined && dest.to.length === 1 && doc.contents && isBlockMap(doc.contents)) {
    // A new block at the end of the file.
    insertAt = text.length;
    insert = `${text.endsWith('\n') ? '' : '\n'}${dest.to[0]}:\n${reindent('  ')}${lines.endsWith('\n') ? '' : '\n'}`;
  } else if (isBlockMap(dest.target) && dest.target.items.length > 0) {
    const first = dest.target.items[0]!.key as { range?: [number, number, number] };
    if (!first.range) return undefined;
    insertAt = lineStart(text, first.range[0]);
    const indent = text.slice(insertAt, first.range[0]);
    if (indent.trim() !== '') return undefined;
    insert = reindent(indent) + (lines.endsWith('\n') ? '' : '\n');
  } else return undefined;
  // Apply the later edit first, so the earlier one's offsets still hold.
  if (insertAt >= end) return text.slice(0, start) + text.slice(end, insertAt) + insert + text.slice(insertAt);
  if (insertAt <= start) return text.slice(0, insertAt) + insert + text.slice(insertAt, start) + text.slice(end);
  return undefined;
}

function movedCorrectly(text: string, from: readonly string[], key: string, to: readonly string[], value: unknown): boolean {
  const doc = parseDocument(text);
  return doc.errors.length === 0 && !doc.hasIn([...from, key]) && JSON.stringify(doc.getIn([...to, key])) === JSON.stringify(value);
}

function throughDocument(doc: Document, from: readonly string[], key: string, to: readonly string[], carry: boolean): string {
  const node = doc.getIn([...from, key], true);
  doc.deleteIn([...from, key]);
  if (carry) doc.setIn([...to, key], node);
  return doc.toString();
}

/**
 * Sets a top-level scalar, replacing its value in place, or adds it (with a comment line above)
 * before the first key, below the file's opening comments.
 */
export function setTopLevel(text: string, key: string, value: string, comment: string): string {
  const doc = parseDocument(text);
  const contents = doc.contents;
  if (doc.errors.length || !isBlockMap(contents)) return text;
  const pair = pairOf(contents, key);
  const node = pair?.value as { range?: [number, number, number] } | null | undefined;
  if (pair && node?.range) return text.slice(0, node.range[0]) + value + text.slice(node.range[1]);
  const first = contents.items[0]?.key as { range?: [number, number, number] } | undefined;
  const at = first?.range ? lineStart(text, first.range[0]) : text.length;
  return `${text.slice(0, at)}# ${comment}\n${key}: ${value}\n${text.slice(at)}`;
}
