/**
 * What printers must reprint between two releases: the print products whose key changed,
 * appeared or disappeared, each with the reasons in Chinese (which entries were changed, put up
 * or taken down, by id and title; which other part of the sheet changed).
 *
 * An entry taken down is given the reason the board's or the card's own selection recorded on
 * the newer side's day (omission-text.ts).
 *
 * A title is named only when the entry is public on the newer side: an entry that has since
 * become party-internal is counted, never named, and a deleted one is named by its id alone
 * (it may have been deleted because it should never have been published), so release notes
 * cannot bring back what was withdrawn.
 */
import type { Entry, Project } from '../domain/model.ts';
import { isPublic } from '../domain/publication.ts';
import type { Today } from '../domain/time/today.ts';
import { boardOmissions } from '../print/jobs/board-selection.ts';
import { cardOmissions } from '../print/jobs/card-job.ts';
import type { PrintedEntry, PrintKey, PrintKind, PrintPart } from '../print/jobs/print-keys.ts';
import { InternalError } from '../errors.ts';
import { offBoardText, offCardText } from './omission-text.ts';

export type ReprintChange = 'changed' | 'added' | 'removed';

export const PRINT_KIND_LABELS: Record<PrintKind, string> = { board: '公开栏', card: '明白卡' };
export const CHANGE_LABELS: Record<ReprintChange, string> = { changed: '内容有变化，重新印刷', added: '新增，需要印刷', removed: '不再印刷' };

export interface ReprintRow {
  kind: PrintKind;
  id: string;
  unit: string;
  unitName: string;
  /** Name of the town (镇/街道) whose zip holds the product; undefined at county level. */
  townName: string | undefined;
  place: string;
  size: string;
  file: string;
  change: ReprintChange;
  reasons: string[];
  /** The file's sha256 on each side that has one, once both sides were printed (src/pipeline/review-prints.ts). */
  sha256?: { before?: string; after?: string };
}

/** The reason of a product that had nothing to print before (an empty board or card has no file). */
export const FIRST_PRINT = '此前没有可印的内容，第一次印刷';

export interface ReleaseDiff {
  rows: ReprintRow[];
  /** Products with the same key on both sides: nothing to reprint. */
  unchanged: number;
  /** Of those, products whose key changed but whose printed file came out the same (the summary prints both sides to know). */
  sameFile?: number;
}

export interface ReleaseSide {
  /** v2026.11, HEAD, 本次构建 …, as the notes name it. */
  label: string;
  /** Short commit id; undefined for the content being built (it may hold uncommitted work). */
  commit: string | undefined;
  today: Today;
}

export interface ReleaseNotes extends ReleaseDiff {
  from: ReleaseSide;
  to: ReleaseSide;
  /** Things the printer should know: content errors at a side, print code changed between sides. */
  warnings: string[];
}

export interface KeyedRelease {
  project: Project;
  keys: PrintKey[];
  /** The day the keys are for. */
  today: string;
}

const quoted = (e: { id: string; title: string }) => `${e.id}“${e.title}”`;

/** Why an entry printed the same may be laid out otherwise: it gives way first on a full board. */
const YIELDS = { finished: '公示已结束', older: '同一事项有了更新的一条' } as const;

/** How entries come and go on each kind of product. */
const WORDS: Record<PrintKind, { on: string; off: string }> = { board: { on: '新上栏', off: '撤下' }, card: { on: '印上卡', off: '从卡上撤下' } };

/** Why each entry of the product's unit is not on it, in words: asked only when something left it. */
function omissions(k: PrintKey, side: KeyedRelease, newcomers: ReadonlySet<string>): Map<string, string | undefined> {
  if (k.kind === 'board') return new Map([...boardOmissions(side.project, k.unit, side.today)].map(([id, o]) => [id, offBoardText(o)]));
  return new Map([...cardOmissions(side.project, k.unit, side.today)].map(([id, o]) => [id, offCardText(o, newcomers)]));
}

function entryReasons(before: PrintKey, after: PrintKey, to: KeyedRelease, newer: Map<string, Entry>): string[] {
  const old = new Map(before.entries.map((e) => [e.id, e]));
  const now = new Map(after.entries.map((e) => [e.id, e]));
  const words = WORDS[after.kind];
  const reasons: string[] = [];
  for (const e of after.entries) {
    const was = old.get(e.id);
    if (!was) reasons.push(`${words.on}：${quoted(e)}`);
    else if (was.digest === e.digest) continue;
    else if (changedFields(was, e).length) reasons.push(`修改：${quoted(e)}（${changedFields(was, e).join('、')}）`);
    else if (e.yields) reasons.push(`${YIELDS[e.yields]}：${quoted(e)}（公开栏排不下时先精简它）`);
    else reasons.push(`不再先精简：${quoted(e)}（${YIELDS[was.yields!]}的情形已不存在）`);
  }
  const newcomers = new Set(after.entries.filter((e) => !old.has(e.id)).map((e) => e.id));
  let off: Map<string, string | undefined> | undefined;
  const why = (id: string) => (off ??= omissions(after, to, newcomers)).get(id);
  let hidden = 0;
  for (const e of before.entries) {
    if (now.has(e.id)) continue;
    const still = newer.get(e.id);
    // A deleted entry is named by id only: it may have been deleted because it should never have been public.
    if (!still) reasons.push(`${words.off}：${e.id}（条目已删除）`);
    else if (!isPublic(still)) hidden++;
    else reasons.push(`${words.off}：${quoted(e)}（${why(e.id) ?? '版式或模板有变化'}）`);
  }
  if (hidden) reasons.push(`${words.off} ${hidden} 条已不再社会公开的条目`);
  return reasons;
}

/** The printed fields of an entry that differ between two sides (标题, 正文, 摘要, 图片 …). */
function changedFields(before: PrintedEntry, after: PrintedEntry): string[] {
  return Object.keys({ ...before.fields, ...after.fields }).filter((f) => before.fields[f] !== after.fields[f]);
}

/**
 * Why `before` became `after` (on the side `to`), in words: the entries that came, went or
 * changed (which of their fields), then the other parts of the sheet that changed. The parts and
 * the entries' fields cover every input of the key (print-keys.ts), so two keys that differ always
 * have a reason here; none would be a bug, and it is said as one, never covered by a guess.
 */
export function changeReasons(before: PrintKey, after: PrintKey, to: KeyedRelease, newer: Map<string, Entry>): string[] {
  const reasons = entryReasons(before, after, to, newer);
  const old = new Map(before.parts.map((p) => [p.name, p.value]));
  const changed = after.parts.filter((p) => old.has(p.name) && old.get(p.name) !== p.value);
  const say = (p: PrintPart) => (p.readable ? `${p.name}：${old.get(p.name)} → ${p.value}` : `${p.name}有变化`);
  reasons.push(...changed.filter((p) => !p.followsEntries).map(say));
  // Order and update date follow the entries and the layout: named only when nothing else explains the change.
  if (reasons.length === 0) reasons.push(...changed.filter((p) => p.followsEntries).map(say));
  if (reasons.length === 0)
    throw new InternalError(`${PRINT_KIND_LABELS[after.kind]} ${after.id} 的印刷键变了，却找不出哪一部分变了：印刷键的组成（print-keys.ts）漏了什么。`);
  return reasons;
}

function townNameOf(project: Project, unitId: string): string | undefined {
  const byId = new Map(project.units.map((u) => [u.id, u]));
  let u = byId.get(unitId);
  while (u && u.kind !== 'town') u = u.parent ? byId.get(u.parent) : undefined;
  return u?.name;
}

export function row(k: PrintKey, project: Project, change: ReprintChange, reasons: string[]): ReprintRow {
  const unit = project.units.find((u) => u.id === k.unit);
  return {
    kind: k.kind,
    id: k.id,
    unit: k.unit,
    unitName: unit?.name ?? k.unit,
    townName: townNameOf(project, k.unit),
    place: k.place,
    size: k.size,
    file: k.file,
    change,
    reasons,
  };
}

const KIND_ORDER: Record<PrintKind, number> = { board: 0, card: 1 };
const CHANGE_ORDER: Record<ReprintChange, number> = { changed: 0, added: 1, removed: 2 };

export function compareReleases(from: KeyedRelease, to: KeyedRelease): ReleaseDiff {
  const tag = (k: PrintKey) => `${k.kind}:${k.id}`;
  // A product with nothing to show (empty) has no file on that side: it is neither printed nor reprinted.
  const before = new Map(from.keys.filter((k) => !k.empty).map((k) => [tag(k), k]));
  const after = new Map(to.keys.filter((k) => !k.empty).map((k) => [tag(k), k]));
  const emptied = new Map(to.keys.filter((k) => k.empty).map((k) => [tag(k), k]));
  const wasEmpty = new Map(from.keys.filter((k) => k.empty).map((k) => [tag(k), k]));
  const newer = new Map(to.project.entries.map((e) => [e.id, e]));
  const rows: ReprintRow[] = [];
  let unchanged = 0;
  for (const [t, k] of after) {
    const was = before.get(t);
    const blank = wasEmpty.get(t);
    if (blank) rows.push(row(k, to.project, 'added', [FIRST_PRINT, ...entryReasons(blank, k, to, newer)]));
    else if (!was) rows.push(row(k, to.project, 'added', [`${PRINT_KIND_LABELS[k.kind]}是新增的`]));
    else if (was.key === k.key) unchanged++;
    else rows.push(row(k, to.project, 'changed', changeReasons(was, k, to, newer)));
  }
  for (const [t, k] of before) {
    const now = emptied.get(t);
    if (now) rows.push(row(k, to.project, 'removed', ['目前没有可印的内容，不再印刷', ...entryReasons(k, now, to, newer)]));
    else if (!after.has(t)) rows.push(row(k, from.project, 'removed', [k.kind === 'board' ? '公开栏已从公开栏名录中删除' : '已不再生成']));
  }
  rows.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || CHANGE_ORDER[a.change] - CHANGE_ORDER[b.change] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, unchanged };
}
