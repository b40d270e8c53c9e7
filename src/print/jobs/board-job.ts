/**
 * From the project to one self-contained job per board: everything the layout and the
 * renderer need, as plain data (it crosses into worker threads, and its hash is the cache
 * key). Entries are placed in panels by their catalog aspect, sections in catalog order.
 */
import { dirname, join, resolve } from 'node:path';
import type { Project } from '../../domain/model.ts';
import type { Board } from '../../domain/schema/board.ts';
import type { Unit } from '../../domain/schema/unit.ts';
import type { SheetSize } from '../layout/tile-plan.ts';
import type { AskLine } from '../layout/board-filler.ts';
import { honestChannels, requestContacts } from '../../domain/requests/channels.ts';
import type { BoardSelector, SelectedEntry } from './board-selection.ts';
import { resolveLayout, type BoardLayout } from '../layout/template-layout.ts';
import { formatChineseDate } from '../../domain/dates.ts';
import { intentSetting, type IntentSetting } from '../../domain/icc-profile.ts';
import { unitUrl } from '../../domain/board-templates.ts';
import { markedUrl, releaseMark } from '../../domain/postings/release-mark.ts';
import { townOfUnit } from '../../domain/postings/posting-table.ts';

export interface JobEntry {
  id: string;
  title: string;
  meta: string;
  body: string;
  /** Folder the entry's relative image references resolve against. */
  dir: string;
  /** Content date (YYYY-MM-DD): the oldest give way first on a full board. */
  date: string;
  /** The entry's own 摘要, set instead of the full text when a board is full. */
  summary?: string;
  /** The entry's page on the site: the QR code and link under a shortened text. */
  url: string;
  /** A 公示 whose period has ended. */
  finished?: boolean;
  /** The board also shows a newer entry of the same item (and this is not a running 公示). */
  older?: boolean;
}

export interface BoardJob {
  boardId: string;
  unitId: string;
  unitName: string;
  /** The town whose zip holds this board (the unit itself for a town), if any. */
  town?: string;
  widthMm: number;
  heightMm: number;
  templateId: string;
  layout: BoardLayout;
  scale: number;
  warning?: string;
  title: string;
  panels: { title: string; sections: { heading: string; entries: JobEntry[] }[] }[];
  footer: string[];
  /** The unit page with the board's release mark (domain/postings/release-mark.ts): every QR code of the board links here. */
  qrUrl: string;
  /** The release mark, also printed small beside the footer's QR code for an inspector. */
  releaseMark: string;
  /** How to ask for a disclosure: set large under the content of a board with little on it (layout/board-filler.ts). */
  ask: AskLine[];
  bodyMinPt: number;
  bleedMm: number;
  tile?: SheetSize;
  /** Continue on more sheets instead of shortening (boards.yaml `continuation: true`). */
  continuation?: boolean;
  /** Content date of the newest entry on the board (or today's date when it is empty). */
  date: string;
  /** The printing condition the PDF declares (site.yaml print). */
  intent: IntentSetting;
}

/** Where an image a board entry shows lies: relative to the entry's folder, without query or fragment (the renderer and the render key read the same file). */
export const imageFileOf =
  (e: Pick<JobEntry, 'dir'>) =>
  (src: string): string =>
    join(e.dir, decodeURI(src.split(/[?#]/)[0]!));

/** The town whose zip holds a unit's print files (the unit itself for a town), if any. */
export const townOf: (unit: Unit) => string | undefined = townOfUnit;

export { unitUrl } from '../../domain/board-templates.ts';

/** The entry's page (the site's entryPath, absolute). */
export const entryUrl = (baseUrl: string, unitId: string, slug: string): string => new URL(`${slug}/`, unitUrl(baseUrl, unitId)).href;

/**
 * Entries the board shows although a newer one of the same item is on it too (earlier stages,
 * earlier occurrences): the second to give way on a full board. A running 公示 never does.
 */
function olderIds(selected: readonly SelectedEntry[]): Set<string> {
  const newest = new Map<string, string>();
  for (const s of selected) {
    const d = newest.get(s.entry.data.item);
    if (!d || s.entry.data.date > d) newest.set(s.entry.data.item, s.entry.data.date);
  }
  return new Set(selected.filter((s) => s.entry.data.date < newest.get(s.entry.data.item)! && (!s.entry.data.notice || s.finished)).map((s) => s.entry.id));
}

/** Panels get the aspects they name; `'*'` (or else the last panel) takes the rest. */
export function panelsFor(layout: BoardLayout, project: Project, selected: readonly SelectedEntry[]): BoardJob['panels'] {
  const named = new Set(layout.panels.flatMap((p) => p.aspects));
  const starIndex = layout.panels.findIndex((p) => p.aspects.includes('*'));
  const fallback = starIndex >= 0 ? starIndex : layout.panels.length - 1;
  const aspectOrder = project.catalog.aspects.map((a) => a.id);
  const byAspect = new Map<string, SelectedEntry[]>();
  for (const s of selected) {
    const aspect = project.catalog.items.get(s.entry.data.item)?.aspect ?? '';
    byAspect.set(aspect, [...(byAspect.get(aspect) ?? []), s]);
  }
  const panels = layout.panels.map((p) => ({ title: p.title, aspects: p.aspects.filter((a) => a !== '*') }));
  const older = olderIds(selected);
  for (const a of aspectOrder) if (!named.has(a) && byAspect.has(a)) panels[fallback]!.aspects.push(a);
  return panels.map((p) => ({
    title: p.title,
    sections: p.aspects.flatMap((a) => {
      const list = byAspect.get(a);
      if (!list) return [];
      // The selection already comes in board order (catalog, date, stage); grouping keeps it.
      return [
        {
          heading: project.catalog.aspects.find((x) => x.id === a)?.name ?? a,
          entries: list.map((s) => ({
            id: s.entry.id,
            title: s.entry.data.title,
            meta: s.meta,
            body: s.entry.body,
            dir: dirname(resolve(s.entry.source.path)),
            date: s.entry.data.date,
            ...(s.entry.data.summary ? { summary: s.entry.data.summary } : {}),
            url: entryUrl(project.site.base_url, s.entry.unit, s.entry.slug),
            ...(s.finished ? { finished: true } : {}),
            ...(older.has(s.entry.id) ? { older: true } : {}),
          })),
        },
      ];
    }),
  }));
}

/** The 点题 band's lines: the channels the county really runs, the reply time, the unit's phone (or its parent's), the supervision phone. */
function askLines(unit: Unit, project: Project): AskLine[] {
  const c = requestContacts(unit, project.units, project.site);
  return [
    { label: '点题渠道', text: honestChannels(['意见箱', '电话', '现场', '网站'], project.site).join('、') },
    { label: '答复时限', text: `收到后${c.replyDays}个工作日内答复` },
    ...(c.phone ? [{ label: '办公电话', text: c.phone }] : []),
    { label: '监督电话', text: c.supervisionPhone },
  ];
}

export function boardJob(project: Project, board: Board, select: BoardSelector, today: string, tile?: SheetSize): BoardJob {
  const unit = project.units.find((u) => u.id === board.unit);
  if (!unit) throw new Error(`公开栏 ${board.id} 的单位 ${board.unit} 不在单位名录中`);
  const resolved = resolveLayout(board, project.templates);
  const selected = select(project, unit.id, today);
  const date = selected.reduce((d, s) => (s.entry.data.date > d ? s.entry.data.date : d), '') || today;
  const town = townOf(unit);
  const site = project.site;
  const tileSize = tile ?? board.tile;
  const job: Omit<BoardJob, 'qrUrl' | 'releaseMark'> = {
    boardId: board.id,
    unitId: unit.id,
    unitName: unit.name,
    ...(town ? { town } : {}),
    widthMm: board.width_mm,
    heightMm: board.height_mm,
    templateId: resolved.templateId,
    layout: resolved.layout,
    scale: resolved.scale,
    ...(resolved.warning ? { warning: resolved.warning } : {}),
    title: `${unit.name}党务公开栏`,
    panels: panelsFor(resolved.layout, project, selected),
    footer: [
      `监督电话：${site.supervision_phone}`,
      `发布单位：${site.publisher}`,
      `更新日期：${formatChineseDate(date)}`,
      `网上查看：${unitUrl(site.base_url, unit.id)}`,
    ],
    ask: askLines(unit, project),
    bodyMinPt: site.defaults.board_body_min_pt,
    bleedMm: site.print.bleed_mm,
    ...(tileSize ? { tile: tileSize } : {}),
    ...(board.continuation ? { continuation: true } : {}),
    date,
    intent: intentSetting(site.print),
  };
  const mark = releaseMark(date, markContent(job));
  return { ...job, qrUrl: markedUrl(unitUrl(site.base_url, unit.id), mark), releaseMark: mark };
}

/**
 * What the release mark digests: what the board shows — not where the content folder or the
 * colour profile lies on this machine, and not what only a full board prints (an entry's 摘要
 * and its page's code stand in for its text only when the board is shortened; which entries
 * give way first): an edit to a summary must not make an unchanged sheet a new release. A
 * shortened board whose summary changes is reprinted under the same mark — its entries, dates
 * and texts are the same.
 */
function markContent(job: Omit<BoardJob, 'qrUrl' | 'releaseMark'>): unknown {
  // Nor which of a unit's boards it is: two boards of the same size show the same sheet, and print it the same way.
  const { intent: _intent, boardId: _boardId, ...rest } = job;
  const printed = ({ dir: _dir, summary: _summary, url: _url, older: _older, finished: _finished, ...e }: JobEntry) => e;
  return { ...rest, panels: rest.panels.map((p) => ({ ...p, sections: p.sections.map((s) => ({ ...s, entries: s.entries.map(printed) })) })) };
}
