/**
 * What a reviewer needs to know about each changed file of a pull request, in words: which
 * entry (title, unit), whether it is public at all, whether and when it goes on a board, and
 * what changed in its text. What must be reprinted is not guessed from paths: it is the
 * comparison of the print keys of both sides (release-diff.ts) — the keys the build's print
 * cache uses — so the summary and the build always agree.
 *
 * Party-internal entries are never quoted here: the summary is posted as a comment and mailed
 * to watchers, so it says only that the entry is internal and prints nothing.
 */
import type { Project, Entry } from '../domain/model.ts';
import type { ChangedPath, ChangeStatus } from '../domain/impact.ts';
import { isPublic } from '../domain/publication.ts';
import type { PrintKey } from '../print/jobs/print-keys.ts';
import { boardOmissions } from '../print/jobs/board-selection.ts';
import type { LaterReprints } from './later-reprints.ts';
import { offBoardText } from './omission-text.ts';
import type { ReleaseDiff } from './release-diff.ts';
import { textChanges, type Hunk } from './word-diff.ts';

export type FileKind = 'entry' | 'request' | 'page' | 'image' | 'settings' | 'other';

export interface FileReview {
  path: string;
  from?: string;
  status: ChangeStatus;
  kind: FileKind;
  unitName?: string;
  title?: string;
  /** The entry's scope after the change (before it, for a deleted entry). */
  scope?: 'public' | 'party';
  /** Where the file shows, in one Chinese sentence. */
  placement: string;
  /** Word-level changes of a public entry's title, summary and body (lines are the file's). */
  changes?: { hunks: Hunk[]; more: number };
}

export interface ChangeReview {
  files: FileReview[];
  reprints: ReleaseDiff;
  /** What must be printed again on later days (entries dated later, notices starting later …). */
  later: LaterReprints;
}

export interface ReviewInput {
  changes: readonly ChangedPath[];
  /** Repository-relative content folder ('' when the content is the repository). */
  contentPath: string;
  base: Project;
  /** Undefined when the settings are broken at the head: every file then says so. */
  head: Project | undefined;
  today: string;
  headKeys: readonly PrintKey[];
  baseKeys: readonly PrintKey[];
  reprints: ReleaseDiff;
  later: LaterReprints;
}

const SETTINGS: Record<string, string> = {
  'site.yaml': '全县设置（site.yaml）',
  'catalog.yaml': '公开目录（catalog.yaml）',
  'units.yaml': '单位名录（units.yaml）',
  'boards.yaml': '公开栏名录（boards.yaml）',
};

const monthDay = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** The products showing an entry, by the print keys: 公开栏 b-x、明白卡. */
function shownOn(keys: readonly PrintKey[], id: string): string[] {
  return keys.filter((k) => k.entries.some((e) => e.id === id)).map((k) => (k.kind === 'board' ? `公开栏 ${k.id}` : '明白卡'));
}

function entryPlacement(entry: Entry | undefined, was: Entry | undefined, status: ChangeStatus, input: ReviewInput): string {
  if (status === 'deleted') {
    if (!was || !isPublic(was)) return '删除了一条党内公开的条目（没有公开过，不涉及印刷）。';
    const on = shownOn(input.baseKeys, was.id);
    return `删除：从网站撤下${on.length ? `，并从${on.join('、')}撤下` : ''}。`;
  }
  if (!entry) return '这个文件有错误（见上面的检查结果），改正以前不会发布，也不会印刷。';
  if (!isPublic(entry)) {
    const withdrawn = was && isPublic(was) ? '改为党内公开：从网站、公开栏和明白卡撤下。' : '';
    return `${withdrawn}党内公开：不上网站、公开栏和明白卡，不需要重新印刷。`;
  }
  const became = was && !isPublic(was) ? '由党内公开改为社会公开（请通读全文）。' : '';
  const where = entry.data.board === false ? '网站' : '网站和公开栏';
  const later = laterPlacement(entry.id, input.later);
  if (entry.data.date > input.today) return `${became}${monthDay(entry.data.date)}起上${where}${later ? `；${later}` : '。'}`;
  if (entry.data.board === false) return `${became}只上网站（board: false），不上公开栏。`;
  const on = shownOn(input.headKeys, entry.id);
  if (on.length) return `${became}上网站，印在${on.join('、')}上${later ? `；${later}` : '。'}`;
  const off = boardOmissions(input.head!, entry.unit, input.today).get(entry.id);
  const why = off && offBoardText(off);
  return `${became}上网站；现在不在公开栏上${why ? `（${why}）` : ''}${later ? `；${later}` : '。'}`;
}

/** When the entry comes onto a board or card later: 12月10日起印在公开栏 b-x、明白卡上，那天要重新印刷（见下面）。 */
function laterPlacement(id: string, later: LaterReprints): string | undefined {
  const days = later.days.flatMap((d) => {
    const on = d.rows.filter((r) => d.arriving.get(`${r.kind}:${r.id}`)?.includes(id)).map((r) => (r.kind === 'board' ? `公开栏 ${r.id}` : '明白卡'));
    return on.length ? [`${monthDay(d.date)}起印在${on.join('、')}上`] : [];
  });
  return days.length ? `${days.join('；')}，那天要重新印刷（见下面“以后要重新印刷”）。` : undefined;
}

function entryChanges(entry: Entry, was: Entry): FileReview['changes'] {
  const hunks: Hunk[] = [];
  const field = (label: string, a: string | undefined, b: string | undefined) => {
    if ((a ?? '') === (b ?? '')) return;
    for (const h of textChanges(a ?? '', b ?? '').hunks) hunks.push({ line: 0, markdown: `${label}：${h.markdown}` });
  };
  field('标题', was.data.title, entry.data.title);
  field('摘要', was.data.summary, entry.data.summary);
  field('发布日期', was.data.date, entry.data.date);
  const body = textChanges(was.body, entry.body);
  hunks.push(...body.hunks.map((h) => ({ ...h, line: entry.source.bodyLine + h.line - 1 })));
  return { hunks, more: body.more };
}

const byId = (p: Project | undefined) => new Map((p?.entries ?? []).map((e) => [e.id, e]));

export function reviewChange(input: ReviewInput): ChangeReview {
  const prefix = input.contentPath ? `${input.contentPath}/` : '';
  const head = byId(input.head);
  const base = byId(input.base);
  const unitName = (id: string) => (input.head ?? input.base).units.find((u) => u.id === id)?.name ?? id;
  const files: FileReview[] = [];
  for (const c of input.changes) {
    const common = { path: c.path, ...(c.from ? { from: c.from } : {}), status: c.status };
    if (!c.path.startsWith(prefix)) {
      files.push({ ...common, kind: 'other', placement: '不是内容文件。' });
      continue;
    }
    const rel = c.path.slice(prefix.length);
    const m = /^(entries|requests)\/([^/]+)\/\d{4}\/([^/]+)\.md$/.exec(rel);
    if (m && m[1] === 'entries') {
      const id = `${m[2]}/${m[3]}`;
      const fromRel = c.from?.slice(prefix.length);
      const oldId = fromRel ? /^entries\/([^/]+)\/\d{4}\/([^/]+)\.md$/.exec(fromRel)?.slice(1, 3).join('/') : id;
      const entry = head.get(id);
      const was = oldId ? base.get(oldId) : undefined;
      const shown = entry ?? was;
      const scope = shown?.data.scope;
      files.push({
        ...common,
        kind: 'entry',
        unitName: unitName(m[2]!),
        // Titles of public entries only (an entry with errors by its published title); a deleted one is
        // not named: it may have been deleted because it should never have been public.
        ...(entry && isPublic(entry) ? { title: entry.data.title } : !entry && c.status !== 'deleted' && was && isPublic(was) ? { title: was.data.title } : {}),
        ...(scope ? { scope } : {}),
        placement: input.head ? entryPlacement(entry, was, c.status, input) : '全县设置有错误，无法判断。',
        ...(entry && was && isPublic(entry) && c.status !== 'added' ? { changes: entryChanges(entry, was) } : {}),
      });
    } else if (m) {
      files.push({ ...common, kind: 'request', unitName: unitName(m[2]!), placement: '点题记录：公开在网站的“点题”栏目，不上公开栏。' });
    } else if (/^entries\/([^/]+)\//.test(rel)) {
      const unit = /^entries\/([^/]+)\//.exec(rel)![1]!;
      files.push({ ...common, kind: 'image', unitName: unitName(unit), placement: '本单位条目用的图片或附件。' });
    } else if (/^pages\//.test(rel)) {
      files.push({ ...common, kind: 'page', placement: '网站栏目页面，不上公开栏。' });
    } else if (SETTINGS[rel] || rel.startsWith('calendar/')) {
      files.push({ ...common, kind: 'settings', placement: `${SETTINGS[rel] ?? '工作日历（calendar/）'}：影响的公开栏和明白卡见下面“需要重新印刷”。` });
    } else {
      files.push({ ...common, kind: 'other', placement: '不影响网站和印刷。' });
    }
  }
  return { files, reprints: input.reprints, later: input.later };
}
